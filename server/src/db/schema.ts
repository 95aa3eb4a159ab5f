import type { ColumnType, Generated } from 'kysely';
import type { ServiceDetails } from '@relais/core';

/** Table types of the database, as Kysely sees them (snake_case tables and columns). */
export interface Database {
  organisation: OrganisationTable;
  org_unit: OrgUnitTable;
  program: ProgramTable;
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  claimed_id: ClaimedIdTable;
  audit_event: AuditEventTable;
  organisation_setting: OrganisationSettingTable;
  beneficiary: BeneficiaryTable;
  beneficiary_unit: BeneficiaryUnitTable;
  beneficiary_pair: BeneficiaryPairTable;
  beneficiary_merge: BeneficiaryMergeTable;
  saved_list: SavedListTable;
  group_session: GroupSessionTable;
  service_event: ServiceEventTable;
  register_counter: RegisterCounterTable;
  applied_operation: AppliedOperationTable;
  target: TargetTable;
  indicator_definition: IndicatorDefinitionTable;
  case_file: CaseFileTable;
  case_status_change: CaseStatusChangeTable;
  case_action: CaseActionTable;
  case_appointment: CaseAppointmentTable;
  case_note: CaseNoteTable;
  change_story: ChangeStoryTable;
  change_round: ChangeRoundTable;
  change_round_story: ChangeRoundStoryTable;
  stock_item: StockItemTable;
  stock_movement: StockMovementTable;
  stock_month: StockMonthTable;
  stock_balance: StockBalanceTable;
  service_definition: ServiceDefinitionTable;
  anonymous_service: AnonymousServiceTable;
  ost_episode: OstEpisodeTable;
  ost_dose: OstDoseTable;
  ost_dispensing: OstDispensingTable;
  insertion_step: InsertionStepTable;
  voice_note: VoiceNoteTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationTable {
  id: string;
  code: string;
  name: string;
  created_at: CreatedAt;
  /** A new random value at every change of the organisation's settings, programs, definitions or units (ADR 0046). */
  config_version: ColumnType<string, never, never>;
}

export interface OrgUnitTable {
  organisation_id: string;
  id: string;
  code: string;
  name: string;
  level: string;
  parent_id: string | null;
  /** Materialised path of ids, `/<root id>/…/<own id>/`: a subtree is a path prefix. */
  path: string;
  active: Generated<boolean>;
  /** Where the unit is (WGS 84), for the map of a report; both or neither. */
  latitude: ColumnType<number | null, number | null | undefined, number | null>;
  longitude: ColumnType<number | null, number | null | undefined, number | null>;
  /** The directory's territory the unit works in; null: its nearest ancestor's. */
  territory_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProgramTable {
  organisation_id: string;
  code: string;
  enabled: boolean;
}

export interface AppUserTable {
  organisation_id: string;
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  locale: string;
  active: Generated<boolean>;
  password_changed_at: UpdatedAt;
  /** The second factor's secret, sealed with the instance key (migration 20261201T2340). */
  totp_secret: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  totp_enabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  totp_last_step: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  /** Her low-literacy mode: pictograms first on the field screens (migration 20261202T0300, ADR 0042). */
  low_literacy: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoleAssignmentTable {
  organisation_id: string;
  id: string;
  user_id: string;
  role: string;
  org_unit_id: string;
  programs: string[] | null;
  created_at: CreatedAt;
}

export interface SessionTable {
  token_hash: string;
  organisation_id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  /** `totp_setup`: the session may only set up a second factor (its organisation requires one). */
  restricted: ColumnType<'totp_setup' | null, 'totp_setup' | null | undefined, 'totp_setup' | null>;
}

/** Each client-chosen id once, with the organisation that took it (migration 20261201T1700): filled by triggers. */
export interface ClaimedIdTable {
  id: string;
  organisation_id: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: ColumnType<Date, Date | string, Date | string>;
  locked_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface AuditEventTable {
  organisation_id: string;
  id: Generated<string>;
  at: CreatedAt;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_unit_id: string | null;
  org_unit_path: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  ip: string | null;
  request_id: string | null;
}

export interface OrganisationSettingTable {
  organisation_id: string;
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: UpdatedAt;
}

export interface BeneficiaryTable {
  organisation_id: string;
  id: string;
  code: string;
  populations: string[];
  sex: string;
  gender_identity: string | null;
  birth_year: number | null;
  registered_unit_id: string;
  registered_on: ColumnType<string, string, string>;
  registered_by: string | null;
  entry_door: string | null;
  marital_status: string | null;
  schooling: string | null;
  housing: string | null;
  occupation: string | null;
  children_in_charge: number | null;
  health_coverage: string | null;
  phone_encrypted: Buffer | null;
  contact_consent: boolean;
  notes: string | null;
  last_seen_on: ColumnType<string, string, string>;
  merged_into: string | null;
  /** When her identifying data was erased on her request (ADR 0026). */
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  change_seq: Generated<string>;
  /** One more at each change of a field (trigger; ADR 0036). */
  version: Generated<number>;
  /** Per field (as the API names it): the version that last changed it, when, by whom (trigger). */
  field_versions: ColumnType<Record<string, { v: number; at: string | null; by: string | null }>, never, never>;
}

export interface BeneficiaryUnitTable {
  organisation_id: string;
  beneficiary_id: string;
  org_unit_id: string;
  since: ColumnType<string, string, string>;
  via: string;
  created_at: CreatedAt;
}

export interface BeneficiaryPairTable {
  organisation_id: string;
  a_id: string;
  b_id: string;
  score: number;
  reasons: ColumnType<unknown, string, string>;
  status: string;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  created_at: CreatedAt;
}

export interface BeneficiaryMergeTable {
  organisation_id: string;
  id: string;
  kept_id: string;
  merged_id: string;
  merged_by: string;
  merged_at: CreatedAt;
  moved: ColumnType<unknown, string, string>;
  undone_by: string | null;
  undone_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface SavedListTable {
  organisation_id: string;
  id: string;
  owner_id: string;
  name: string;
  filters: ColumnType<unknown, string, string>;
  shared: boolean;
  created_at: CreatedAt;
}

export interface GroupSessionTable {
  organisation_id: string;
  id: string;
  session_date: ColumnType<string, string, string>;
  org_unit_id: string;
  site_id: string | null;
  program: string;
  type: string;
  theme: string;
  facilitator_ids: string[];
  partner: string | null;
  anonymous: ColumnType<unknown, string, string>;
  /** A cascade session's (issue 14): its audience, training, leader, counts by sex and age group, disability. */
  audience: ColumnType<string | null, string | null | undefined, string | null>;
  training_id: ColumnType<string | null, string | null | undefined, string | null>;
  led_by_trainee_id: ColumnType<string | null, string | null | undefined, string | null>;
  audience_counts: ColumnType<unknown, string | undefined, string>;
  disability_count: ColumnType<number, number | undefined, number>;
  created_by: string;
  created_at: CreatedAt;
  deleted_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

/** A service given; its details (quantity, result…) are columns of the same names as the core's `ServiceDetails`. */
export interface ServiceEventTable extends ServiceDetails {
  organisation_id: string;
  id: string;
  contact_id: string;
  beneficiary_id: string;
  service_date: ColumnType<string, string, string>;
  worker_id: string | null;
  org_unit_id: string;
  site_id: string | null;
  program: string;
  service: string;
  register_year: number | null;
  register_no: number | null;
  register_no_edited: Generated<boolean>;
  group_session_id: string | null;
  /** The case the service was given in (its person and program). */
  case_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A defined service's field values by key, and the version of its definition (null for a built-in). */
  fields: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  definition_version: ColumnType<number | null, number | null | undefined, number | null>;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  deleted_by: string | null;
  change_seq: Generated<string>;
}

export interface RegisterCounterTable {
  organisation_id: string;
  org_unit_id: string;
  year: number;
  last_no: number;
}

export interface AppliedOperationTable {
  organisation_id: string;
  id: string;
  user_id: string;
  kind: string;
  result: ColumnType<unknown, string, string>;
  applied_at: CreatedAt;
}

export interface TargetTable {
  organisation_id: string;
  indicator: string;
  program: string;
  org_unit_id: string;
  period: string;
  value: ColumnType<string, string | number, string | number>;
  updated_at: UpdatedAt;
}

export interface IndicatorDefinitionTable {
  organisation_id: string;
  code: string;
  /** `{fr, ar, en}` */
  labels: ColumnType<{ fr: string; ar: string; en: string }, string, string>;
  /** A core `Measure`. */
  measure: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

/** A case (`case` is an SQL keyword). Times are the organisation's wall clock (timestamp without zone). */
export interface CaseFileTable {
  organisation_id: string;
  id: string;
  beneficiary_id: string;
  program: string;
  org_unit_id: string;
  opened_at: ColumnType<string, string, string>;
  entry_door: string;
  case_worker_id: string;
  co_worker_ids: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<string, string | undefined, string>;
  closed_on: NullableDate;
  closure_reason: string | null;
  incident_on: NullableDate;
  incident_time: ColumnType<string | null, string | null | undefined, string | null>;
  incident_place: string | null;
  perpetrator: string | null;
  repeated_violence: boolean | null;
  violence_type: string | null;
  reporting_consent: ColumnType<boolean, boolean | undefined, boolean>;
  needs: string[] | null;
  risk_level: string | null;
  safety_plan: boolean | null;
  last_contact_on: DateColumn;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  change_seq: Generated<string>;
}

export interface CaseStatusChangeTable {
  organisation_id: string;
  id: string;
  case_id: string;
  status: string;
  on_date: DateColumn;
  reason: string | null;
  note: string | null;
  changed_by: string | null;
  changed_at: CreatedAt;
}

export interface CaseActionTable {
  organisation_id: string;
  id: string;
  case_id: string;
  what: string;
  assignee_id: string | null;
  due_on: NullableDate;
  status: ColumnType<string, string | undefined, string>;
  done_on: NullableDate;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CaseAppointmentTable {
  organisation_id: string;
  id: string;
  case_id: string;
  at: ColumnType<string, string, string>;
  purpose: string;
  status: ColumnType<string, string | undefined, string>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CaseNoteTable {
  organisation_id: string;
  id: string;
  case_id: string;
  body_encrypted: Buffer;
  author_id: string;
  created_at: CreatedAt;
}

/** A most-significant-change story; its text and significance are sealed like phone numbers. */
export interface ChangeStoryTable {
  organisation_id: string;
  id: string;
  beneficiary_id: string;
  case_id: string | null;
  org_unit_id: string;
  program: string | null;
  collected_by: string;
  collected_on: DateColumn;
  events_from: NullableDate;
  events_to: NullableDate;
  domain: string;
  story_encrypted: Buffer;
  significance_encrypted: Buffer | null;
  consent_scopes: ColumnType<string[], string[] | undefined, string[]>;
  consent_expires_on: NullableDate;
  anonymised_text: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ChangeRoundTable {
  organisation_id: string;
  id: string;
  held_on: DateColumn;
  org_unit_id: string;
  panel: string;
  period_from: NullableDate;
  period_to: NullableDate;
  feedback: string | null;
  feedback_on: NullableDate;
  created_by: string;
  created_at: CreatedAt;
}

export interface ChangeRoundStoryTable {
  organisation_id: string;
  round_id: string;
  story_id: string;
  selected: ColumnType<boolean, boolean | undefined, boolean>;
  reasons: string | null;
}

/** An organisation's own stock item, or its change to a default one (core's list). */
export interface StockItemTable {
  organisation_id: string;
  code: string;
  label_fr: string;
  label_ar: string;
  label_en: string;
  unit: string;
  low_threshold: number | null;
  updated_by: string;
  updated_at: ColumnType<Date, never, string>;
}

/** A line of the stock ledger: a signed change of a unit's balance of an item. */
export interface StockMovementTable {
  organisation_id: string;
  id: string;
  org_unit_id: string;
  item_code: string;
  kind: string;
  quantity: number;
  movement_date: ColumnType<string, string, string>;
  counted: number | null;
  source: string | null;
  lot: string | null;
  expires_on: ColumnType<string | null, string | null | undefined, string | null>;
  reason: string | null;
  transfer_id: string | null;
  service_id: string | null;
  note: string | null;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
}

/** The ledger summed per unit, item and month (kept by the ledger's triggers). */
export interface StockMonthTable {
  organisation_id: string;
  org_unit_id: string;
  item_code: string;
  month: ColumnType<string, never, never>;
  received: ColumnType<string, never, never>;
  transferred: ColumnType<string, never, never>;
  distributed: ColumnType<string, never, never>;
  adjusted: ColumnType<string, never, never>;
}

/** A unit's balance of an item (kept by the ledger's triggers). */
export interface StockBalanceTable {
  organisation_id: string;
  org_unit_id: string;
  item_code: string;
  on_hand: ColumnType<string, never, never>;
  /** The latest month of the balance's ledger lines; `distributed_mK`: distributed in the month K before it (ADR 0045). */
  recent_month: ColumnType<string | null, never, never>;
  distributed_m0: ColumnType<string, never, never>;
  distributed_m1: ColumnType<string, never, never>;
  distributed_m2: ColumnType<string, never, never>;
  distributed_m3: ColumnType<string, never, never>;
}

/** One version of a service an organisation defined (ADR 0028); the highest version is in force. */
export interface ServiceDefinitionTable {
  organisation_id: string;
  code: string;
  version: number;
  program: string;
  /** `{fr, ar, en}` */
  labels: ColumnType<{ fr: string; ar: string; en: string }, string, never>;
  pictogram: string;
  /** core `DefinedField[]` */
  fields: ColumnType<unknown, string, never>;
  retired: boolean;
  created_by: string | null;
  created_at: CreatedAt;
}

/** A line of an anonymous tally: a service given `count` times at a unit or site on a day to people without a code. */
export interface AnonymousServiceTable {
  organisation_id: string;
  id: string;
  tally_id: string;
  org_unit_id: string;
  site_id: string | null;
  program: string;
  service_date: ColumnType<string, string, string>;
  service: string;
  count: number;
  quantity: number | null;
  created_by: string;
  created_at: CreatedAt;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** An episode of opioid substitution of a person at the unit that dispenses. */
export interface OstEpisodeTable {
  organisation_id: string;
  id: string;
  beneficiary_id: string;
  org_unit_id: string;
  start_date: ColumnType<string, string, string>;
  prescriber: string;
  end_date: ColumnType<string | null, string | null | undefined, string | null>;
  end_reason: ColumnType<string | null, string | null | undefined, string | null>;
  end_note: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: CreatedAt;
}

/** The daily dose of an episode from a day on. */
export interface OstDoseTable {
  organisation_id: string;
  episode_id: string;
  from_date: ColumnType<string, string, string>;
  dose_mg: number;
  prescriber: string | null;
  created_by: string;
  created_at: CreatedAt;
}

/** A person's day at the dispensing: taken on site, taken away for `days` days, or missed. */
export interface OstDispensingTable {
  organisation_id: string;
  id: string;
  episode_id: string;
  dispensed_on: ColumnType<string, string, string>;
  kind: string;
  days: number;
  dose_mg: number | null;
  service_id: string | null;
  created_by: string;
  created_at: CreatedAt;
}

/** A step of a person's pathway towards work (ADR 0033). */
export interface InsertionStepTable {
  organisation_id: string;
  id: string;
  beneficiary_id: string;
  org_unit_id: string;
  kind: string;
  activity: string;
  start_date: ColumnType<string, string, string>;
  end_date: ColumnType<string | null, string | null | undefined, string | null>;
  completed: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  note: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A contact's voice note, its audio sealed with the instance key (ADR 0035). */
export interface VoiceNoteTable {
  organisation_id: string;
  id: string;
  contact_id: string;
  beneficiary_id: string;
  org_unit_id: string;
  program: string;
  contact_date: ColumnType<string, string, string>;
  mime_type: string;
  size_bytes: number;
  audio_encrypted: Buffer;
  created_by: string;
  created_at: CreatedAt;
}
