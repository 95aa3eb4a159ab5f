import type { ColumnType, Generated } from 'kysely';

/** Table types of the database, as Kysely sees them (snake_case tables and columns). */
export interface Database {
  organisation: OrganisationTable;
  org_unit: OrgUnitTable;
  program: ProgramTable;
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
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
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationTable {
  id: string;
  code: string;
  name: string;
  created_at: CreatedAt;
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
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  change_seq: Generated<string>;
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
  created_by: string;
  created_at: CreatedAt;
  deleted_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface ServiceEventTable {
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
  quantity: number | null;
  result: string | null;
  strategy: string | null;
  modality: string | null;
  kind: string | null;
  treated: boolean | null;
  platform: string | null;
  register_year: number | null;
  register_no: number | null;
  register_no_edited: Generated<boolean>;
  group_session_id: string | null;
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
