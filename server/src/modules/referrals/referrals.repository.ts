import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';

// Consent and referrals: the sender's rows (its organisation_id) and the receiver's inbox rows.
// Reading a referral as its receiver goes through the inbox row (organisation_id = the receiver).

export interface ConsentRow {
  id: string;
  beneficiary_id: string;
  granted_by: string;
  witness: string | null;
  given_on: string;
  expires_on: string;
  to_organisations: string[];
  to_services: string[];
  purposes: string[];
  fields: string[];
  withdrawn_at: string | null;
  to_names: Array<{ id: string; code: string; name: string }>;
  service_names: Array<{ id: string; name: string }>;
}

const consentColumns = sql`c.id, c.beneficiary_id, c.granted_by, c.witness, to_char(c.given_on, 'YYYY-MM-DD') as given_on, to_char(c.expires_on, 'YYYY-MM-DD') as expires_on,
  c.to_organisations::text[] as to_organisations, c.to_services::text[] as to_services, c.purposes, c.fields,
  to_char(c.withdrawn_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as withdrawn_at,
  coalesce((select json_agg(json_build_object('id', o.id, 'code', o.code, 'name', o.name) order by o.code) from organisation o where o.id = any(c.to_organisations)), '[]') as to_names,
  coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name) from directory_service s where s.id = any(c.to_services)), '[]') as service_names`;

export async function insertConsent(db: Queryable, r: {
  organisation_id: string; id: string; beneficiary_id: string; granted_by: string; witness: string | null; given_on: string; expires_on: string;
  to_organisations: string[]; to_services: string[]; purposes: string[]; fields: string[]; created_by: string;
}): Promise<boolean> {
  const res = await sql`insert into consent (organisation_id, id, beneficiary_id, granted_by, witness, given_on, expires_on, to_organisations, to_services, purposes, fields, created_by)
    values (${r.organisation_id}, ${r.id}, ${r.beneficiary_id}, ${r.granted_by}, ${r.witness}, ${r.given_on}, ${r.expires_on}, ${r.to_organisations}::uuid[], ${r.to_services}::uuid[],
      ${r.purposes}::text[], ${r.fields}::text[], ${r.created_by})
    on conflict do nothing`.execute(db);
  return Number(res.numAffectedRows ?? 0) > 0;
}

export async function selectConsents(db: Queryable, org: string, f: { id?: string; beneficiaryId?: string }): Promise<ConsentRow[]> {
  const r = await sql<ConsentRow>`select ${consentColumns} from consent c where c.organisation_id = ${org}
    ${f.id ? sql`and c.id = ${f.id}` : sql``} ${f.beneficiaryId ? sql`and c.beneficiary_id = ${f.beneficiaryId}` : sql``}
    order by c.given_on desc, c.created_at desc`.execute(db);
  return r.rows;
}

export async function withdrawConsent(db: Queryable, org: string, id: string, by: string): Promise<boolean> {
  const r = await sql`update consent set withdrawn_at = now(), withdrawn_by = ${by} where organisation_id = ${org} and id = ${id} and withdrawn_at is null`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function findOrganisationsByCode(db: Queryable, codes: readonly string[]): Promise<Array<{ id: string; code: string; name: string }>> {
  if (!codes.length) return [];
  const r = await sql<{ id: string; code: string; name: string }>`select id, code, name from organisation where code = any(${[...codes]}::text[])`.execute(db);
  return r.rows;
}

export async function existingServices(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const r = await sql<{ id: string }>`select id from directory_service where id = any(${[...ids]}::uuid[])`.execute(db);
  return new Set(r.rows.map((x) => x.id));
}

export interface ReferralRow {
  organisation_id: string;
  id: string;
  reference: string;
  beneficiary_id: string;
  case_id: string | null;
  org_unit_id: string;
  org_unit_path: string;
  to_organisation_id: string | null;
  to_service_id: string | null;
  consent_id: string | null;
  override_reason: string | null;
  need: string;
  stated_needs: string | null;
  service_type: string | null;
  program: string | null;
  urgency: string;
  accompanied: boolean;
  interpretation: string | null;
  note: string | null;
  status: string;
  sent_on: string;
  decline_reason: string | null;
  delivered_on: string | null;
  delivery_note: string | null;
  not_delivered_reason: string | null;
  from_code: string;
  from_name: string;
  to_code: string | null;
  to_name: string | null;
  service_name: string | null;
  /** The consent's fields that hold today (null: no consent holds, e.g. withdrawn or expired). */
  shared_fields: string[] | null;
  code: string;
  sex: string;
  birth_year: number | null;
  phone_encrypted: Buffer | null;
  case_program: string | null;
  case_opened_on: string | null;
  case_violence_type: string | null;
  days_to_service: number | null;
  unanswered: boolean;
  feedback: { satisfied: boolean; reasons: string[]; comment: string | null; givenOn: string } | null;
  linked_beneficiary_id: string | null;
  steps: Array<{ status: string; at: string; by: string; organisation: string; reason: string | null }>;
}

/** A referral with what its views need; `today` decides whether its consent still holds. */
const referralSelect = (today: string, unansweredDays: number) => sql`
  select r.organisation_id, r.id, r.reference, r.beneficiary_id, r.case_id, r.org_unit_id, ou.path as org_unit_path, r.to_organisation_id, r.to_service_id, r.consent_id,
    r.override_reason, r.need, r.stated_needs, r.service_type, r.program, r.urgency, r.accompanied, r.interpretation, r.note, r.status, to_char(r.sent_on, 'YYYY-MM-DD') as sent_on, r.decline_reason,
    to_char(r.delivered_on, 'YYYY-MM-DD') as delivered_on, r.delivery_note, r.not_delivered_reason,
    fo.code as from_code, fo.name as from_name, tor.code as to_code, tor.name as to_name, ds.name as service_name,
    case when c.id is not null and c.withdrawn_at is null and c.given_on <= ${today}::date and ${today}::date <= c.expires_on then c.fields end as shared_fields,
    b.code, b.sex, b.birth_year, b.phone_encrypted,
    cf.program as case_program, to_char(cf.opened_at, 'YYYY-MM-DD') as case_opened_on, cf.violence_type as case_violence_type,
    (r.delivered_on - r.sent_on) as days_to_service,
    (r.status = 'sent' and r.sent_on < ${today}::date - ${unansweredDays}::int) as unanswered,
    (select json_build_object('satisfied', f.satisfied, 'reasons', f.reasons, 'comment', f.comment, 'givenOn', to_char(f.given_on, 'YYYY-MM-DD'))
      from referral_feedback f where f.organisation_id = r.organisation_id and f.referral_id = r.id) as feedback,
    (select li.receiver_beneficiary_id from referral_inbox li where li.sender_organisation_id = r.organisation_id and li.referral_id = r.id) as linked_beneficiary_id,
    coalesce((select json_agg(json_build_object('status', st.status, 'at', to_char(st.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'by', coalesce(u.display_name, '?'),
        'organisation', so.name, 'reason', st.reason) order by st.n)
      from referral_step st left join app_user u on u.organisation_id = st.by_organisation_id and u.id = st.by_user join organisation so on so.id = st.by_organisation_id
      where st.organisation_id = r.organisation_id and st.referral_id = r.id), '[]') as steps
  from referral r
  join org_unit ou on ou.organisation_id = r.organisation_id and ou.id = r.org_unit_id
  join organisation fo on fo.id = r.organisation_id
  left join organisation tor on tor.id = r.to_organisation_id
  left join directory_service ds on ds.id = r.to_service_id
  left join consent c on c.organisation_id = r.organisation_id and c.id = r.consent_id
  join beneficiary b on b.organisation_id = r.organisation_id and b.id = r.beneficiary_id
  left join case_file cf on cf.organisation_id = r.organisation_id and cf.id = r.case_id`;

export interface ReferralFilter {
  id?: string;
  status?: string;
  beneficiaryId?: string;
  from?: string;
  to?: string;
  /** The path of a unit: referrals sent from it or under it. */
  unitPath?: string;
  limit?: number;
  offset?: number;
}

const sentBetween = (f: ReferralFilter) => sql`${f.from ? sql`and r.sent_on >= ${f.from}::date` : sql``} ${f.to ? sql`and r.sent_on <= ${f.to}::date` : sql``}`;

/** The sender's referrals (its own rows), in the units she may read (paths). */
export async function selectOutgoing(db: Queryable, org: string, paths: readonly string[], today: string, unansweredDays: number, f: ReferralFilter): Promise<{ rows: ReferralRow[]; total: number }> {
  if (!paths.length) return { rows: [], total: 0 };
  const where = sql`r.organisation_id = ${org} and ou.path like any(${paths.map((p) => `${p}%`)}::text[])
    ${f.id ? sql`and r.id = ${f.id}` : sql``} ${f.status ? sql`and r.status = ${f.status}` : sql``} ${f.beneficiaryId ? sql`and r.beneficiary_id = ${f.beneficiaryId}` : sql``}
    ${sentBetween(f)} ${f.unitPath ? sql`and ou.path like ${`${f.unitPath}%`}` : sql``}`;
  const rows = await sql<ReferralRow>`${referralSelect(today, unansweredDays)} where ${where} order by r.sent_at desc, r.id limit ${f.limit ?? 50} offset ${f.offset ?? 0}`.execute(db);
  const total = Number((await sql<{ n: number }>`select count(*)::int as n from referral r join org_unit ou on ou.organisation_id = r.organisation_id and ou.id = r.org_unit_id where ${where}`.execute(db)).rows[0]?.n ?? 0);
  return { rows: rows.rows, total };
}

/** The receiver's inbox: the referrals whose inbox row is under her organisation. */
export async function selectIncoming(db: Queryable, org: string, today: string, unansweredDays: number, f: ReferralFilter): Promise<{ rows: ReferralRow[]; total: number }> {
  // A person erased on her request (ADR 0026): her referrals leave the receivers' inboxes.
  const where = sql`i.organisation_id = ${org} and not exists (select 1 from beneficiary eb where eb.organisation_id = r.organisation_id and eb.id = r.beneficiary_id and eb.erased_at is not null)
    ${f.id ? sql`and r.id = ${f.id}` : sql``} ${f.status ? sql`and r.status = ${f.status}` : sql``} ${sentBetween(f)}`;
  const inbox = sql`join referral_inbox i on i.sender_organisation_id = r.organisation_id and i.referral_id = r.id`;
  const rows = await sql<ReferralRow>`${referralSelect(today, unansweredDays)} ${inbox} where ${where} order by i.received_at desc, r.id limit ${f.limit ?? 50} offset ${f.offset ?? 0}`.execute(db);
  const total = Number((await sql<{ n: number }>`select count(*)::int as n from referral_inbox i join referral r on r.organisation_id = i.sender_organisation_id and r.id = i.referral_id where ${where}`.execute(db)).rows[0]?.n ?? 0);
  return { rows: rows.rows, total };
}

export async function insertReferral(db: Queryable, r: Omit<ReferralRow, 'org_unit_path' | 'status' | 'feedback' | 'linked_beneficiary_id' | 'decline_reason' | 'delivered_on' | 'delivery_note' | 'not_delivered_reason' | 'from_code' | 'from_name' | 'to_code' | 'to_name' | 'service_name' | 'shared_fields' | 'code' | 'sex' | 'birth_year' | 'phone_encrypted' | 'case_program' | 'case_opened_on' | 'case_violence_type' | 'days_to_service' | 'unanswered' | 'steps'> & { sent_by: string }): Promise<boolean> {
  const res = await sql`insert into referral (organisation_id, id, reference, beneficiary_id, case_id, org_unit_id, to_organisation_id, to_service_id, consent_id, override_reason, need, stated_needs, service_type, program, urgency,
      accompanied, interpretation, note, sent_on, sent_by)
    values (${r.organisation_id}, ${r.id}, ${r.reference}, ${r.beneficiary_id}, ${r.case_id}, ${r.org_unit_id}, ${r.to_organisation_id}, ${r.to_service_id}, ${r.consent_id}, ${r.override_reason},
      ${r.need}, ${r.stated_needs}, ${r.service_type}, ${r.program}, ${r.urgency}, ${r.accompanied}, ${r.interpretation}, ${r.note}, ${r.sent_on}, ${r.sent_by})
    on conflict do nothing`.execute(db);
  const inserted = Number(res.numAffectedRows ?? 0) > 0;
  if (inserted && r.to_organisation_id) {
    await sql`insert into referral_inbox (organisation_id, sender_organisation_id, referral_id) values (${r.to_organisation_id}, ${r.organisation_id}, ${r.id})`.execute(db);
  }
  return inserted;
}

/**
 * The next reference of the sender (`REF-2026-000017`), numbered per organisation and year. Two
 * referrals sent at once must not take the same number: the transaction holds a lock on the
 * organisation's year until it commits (the reference is unique per organisation).
 */
export async function nextReference(db: Queryable, org: string, year: number): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtext(${`referral-reference:${org}:${year}`}))`.execute(db);
  const r = await sql<{ n: number }>`select coalesce(max(substring(reference from '[0-9]+$')::int), 0) + 1 as n from referral
    where organisation_id = ${org} and reference like ${`REF-${year}-%`}`.execute(db);
  return `REF-${year}-${String(r.rows[0]?.n ?? 1).padStart(6, '0')}`;
}

export async function lockReferral(db: Queryable, senderOrg: string, id: string): Promise<void> {
  await sql`select 1 from referral where organisation_id = ${senderOrg} and id = ${id} for update`.execute(db);
}

export async function setReferralStatus(db: Queryable, senderOrg: string, id: string, patch: { status: string; decline_reason?: string | null; delivered_on?: string | null; delivery_note?: string | null; not_delivered_reason?: string | null }): Promise<void> {
  await sql`update referral set status = ${patch.status},
      decline_reason = coalesce(${patch.decline_reason ?? null}, decline_reason),
      delivered_on = coalesce(${patch.delivered_on ?? null}::date, delivered_on),
      delivery_note = coalesce(${patch.delivery_note ?? null}, delivery_note),
      not_delivered_reason = coalesce(${patch.not_delivered_reason ?? null}, not_delivered_reason)
    where organisation_id = ${senderOrg} and id = ${id}`.execute(db);
}

export async function insertStep(db: Queryable, senderOrg: string, id: string, s: { status: string; by_user: string; by_organisation_id: string; reason: string | null }): Promise<void> {
  await sql`insert into referral_step (organisation_id, referral_id, n, status, by_user, by_organisation_id, reason)
    values (${senderOrg}, ${id}, (select coalesce(max(n), 0) + 1 from referral_step where organisation_id = ${senderOrg} and referral_id = ${id}), ${s.status}, ${s.by_user}, ${s.by_organisation_id}, ${s.reason})`.execute(db);
}

/** The type of each directory service (the taxonomy code), by id. */
export async function serviceTypes(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await sql<{ id: string; service_type: string }>`select id, service_type from directory_service where id = any(${[...ids]}::uuid[])`.execute(db);
  return new Map(r.rows.map((x) => [x.id, x.service_type]));
}

export async function taxonomyTermExists(db: Queryable, code: string): Promise<boolean> {
  return (await sql`select 1 from directory_taxonomy_term where code = ${code}`.execute(db)).rows.length > 0;
}

/** Records (or replaces) the person's feedback on a referral, under the sender. */
export async function upsertFeedback(db: Queryable, senderOrg: string, id: string, f: { satisfied: boolean; reasons: string[]; comment: string | null; given_on: string; recorded_by: string }): Promise<void> {
  await sql`insert into referral_feedback (organisation_id, referral_id, satisfied, reasons, comment, given_on, recorded_by)
    values (${senderOrg}, ${id}, ${f.satisfied}, ${f.reasons}::text[], ${f.comment}, ${f.given_on}, ${f.recorded_by})
    on conflict (organisation_id, referral_id) do update set satisfied = excluded.satisfied, reasons = excluded.reasons, comment = excluded.comment,
      given_on = excluded.given_on, recorded_by = excluded.recorded_by, recorded_at = now()`.execute(db);
}

/** The receiver's own record of the person, on its inbox row. */
export async function linkReceiverBeneficiary(db: Queryable, receiverOrg: string, senderOrg: string, id: string, beneficiaryId: string): Promise<void> {
  await sql`update referral_inbox set receiver_beneficiary_id = ${beneficiaryId}
    where organisation_id = ${receiverOrg} and sender_organisation_id = ${senderOrg} and referral_id = ${id}`.execute(db);
}

/** The program of the person's latest service (a referral without a case counts in it). */
export async function lastProgramOf(db: Queryable, org: string, beneficiaryId: string): Promise<string | null> {
  const r = await sql<{ program: string }>`select program from service_event where organisation_id = ${org} and beneficiary_id = ${beneficiaryId} and deleted_at is null
    order by service_date desc, created_at desc limit 1`.execute(db);
  return r.rows[0]?.program ?? null;
}

/** The path of one of the organisation's units (undefined when it has none of that id). */
export async function unitPath(db: Queryable, org: string, id: string): Promise<string | undefined> {
  return (await sql<{ path: string }>`select path from org_unit where organisation_id = ${org} and id = ${id}`.execute(db)).rows[0]?.path;
}
