import { sql } from 'kysely';
import type { Queryable } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { daysBefore, insertDirectoryService } from './sample-helpers.ts';
import { createOrganisation } from '../modules/setup/index.ts';

// Generated referrals for the demo (no real person): a second organisation on the instance
// (RESEAU, a partner of the network) and referrals both ways, resting on consents, in every
// state; a directory service not on Relais whose outcomes the sender records by hand; the
// persons' feedback on some services. The referrals screens and indicators then have data.

const needs = [
  { need: 'Accompagnement juridique (papiers)', type: 'legal_aid', stated: 'Je veux récupérer mon passeport' },
  { need: 'Hébergement d’urgence', type: 'shelter', stated: 'Je n’ai plus où dormir' },
  { need: 'Soutien psychologique', type: 'psychosocial', stated: 'Je n’arrive plus à dormir' },
  { need: 'Consultation médicale', type: 'medical_emergency', stated: null },
] as const;

/** Steps of each sample, after `sent`: a state to reach, the days it took, her feedback. */
const outcomes: ReadonlyArray<{ steps: readonly string[]; days?: number; satisfied?: boolean; reasons?: readonly string[] }> = [
  { steps: ['accepted', 'delivered', 'closed'], days: 3, satisfied: true, reasons: ['well_received', 'quick'] },
  { steps: ['accepted', 'delivered'], days: 9, satisfied: false, reasons: ['waited_too_long', 'language'] },
  { steps: ['accepted', 'delivered'], days: 5, satisfied: true, reasons: ['helped'] },
  { steps: ['accepted', 'not_delivered'] },
  { steps: ['declined'] },
  { steps: ['accepted'] },
  { steps: [] }, // sent long ago, no answer: flagged
  { steps: [] },
];

export interface ReferralSampleUser {
  username: string;
  displayName: string;
  password: string;
}

export async function createDemoReferrals(
  db: Queryable,
  p: { organisationId: string; unitId: string; createdBy: string; lastDay: string; reseauPassword: string },
): Promise<{ referrals: number; reseauAdmin: ReferralSampleUser }> {
  const o = p.organisationId;
  const day = daysBefore(p.lastDay);
  const reseauAdmin = { username: 'reseau', displayName: 'Réseau partenaire (administration)', password: p.reseauPassword };
  const reseau = await db.transaction().execute((trx) =>
    createOrganisation(trx, { organisation: { code: 'RESEAU', name: 'Association Réseau partenaire (démo)' }, admin: { username: reseauAdmin.username, displayName: reseauAdmin.displayName, password: reseauAdmin.password }, locale: 'fr' }),
  );
  let count = 0;
  await db.transaction().execute(async (trx) => {
    const clinic = await insertDirectoryService(trx, 'Centre de santé de quartier (démo)', { name: 'Consultation de médecine générale (démo)', type: 'medical_emergency' });
    const persons = (await sql<{ id: string }>`select id from beneficiary where organisation_id = ${o} and registered_unit_id = ${p.unitId} order by code limit ${outcomes.length + 3}`.execute(trx)).rows.map((r) => r.id);

    /** One referral with its consent, inbox row, steps and feedback. */
    const refer = async (from: { org: string; unit: string; by: string }, to: { org: string | null; service: string | null }, person: string, n: number) => {
      const outcome = outcomes[n % outcomes.length]!;
      const need = needs[n % needs.length]!;
      const sentBack = 20 + n * 9;
      const consent = newId();
      const id = newId();
      await sql`insert into consent (organisation_id, id, beneficiary_id, granted_by, given_on, expires_on, to_organisations, to_services, purposes, fields, created_by)
        values (${from.org}, ${consent}, ${person}, 'person', ${day(sentBack + 1)}, ${day(sentBack - 360)}, ${to.org ? [to.org] : []}::uuid[], ${to.service ? [to.service] : []}::uuid[],
          ${['referral', 'care_coordination']}::text[], ${['code', 'sex', 'birth_year', 'need']}::text[], ${from.by})`.execute(trx);
      const year = day(sentBack).slice(0, 4);
      const reference = `REF-${year}-${String(++count).padStart(6, '0')}`;
      const delivered = outcome.days !== undefined ? day(sentBack - outcome.days) : null;
      const status = outcome.steps.at(-1) ?? 'sent';
      await sql`insert into referral (organisation_id, id, reference, beneficiary_id, org_unit_id, to_organisation_id, to_service_id, consent_id, need, stated_needs, service_type, program,
          urgency, accompanied, status, sent_on, sent_by, delivered_on, decline_reason, not_delivered_reason)
        values (${from.org}, ${id}, ${reference}, ${person}, ${from.unit}, ${to.org}, ${to.service}, ${consent}, ${need.need}, ${need.stated}, ${to.service ? 'medical_emergency' : need.type}, 'prev_ps',
          ${n % 5 === 0 ? 'urgent' : 'normal'}, ${n % 3 === 0}, ${status}, ${day(sentBack)}, ${from.by}, ${delivered},
          ${status === 'declined' ? 'Hors de notre zone d’intervention' : null}, ${status === 'not_delivered' ? 'did_not_come' : null})`.execute(trx);
      if (to.org) await sql`insert into referral_inbox (organisation_id, sender_organisation_id, referral_id, received_at) values (${to.org}, ${from.org}, ${id}, ${`${day(sentBack)}T10:00:00Z`})`.execute(trx);
      const receiverActs = to.org ?? from.org;
      for (const [i, s] of ['sent', ...outcome.steps].entries()) {
        const org = s === 'sent' || s === 'closed' || !to.org ? from.org : receiverActs;
        const by = org === from.org ? from.by : to.org === reseau.organisationId ? reseau.adminId : p.createdBy;
        await sql`insert into referral_step (organisation_id, referral_id, n, status, by_user, by_organisation_id, at)
          values (${from.org}, ${id}, ${i + 1}, ${s}, ${by}, ${org}, ${`${day(sentBack - Math.min(i, outcome.days ?? i))}T11:00:00Z`})`.execute(trx);
      }
      if (outcome.satisfied !== undefined && delivered) {
        await sql`insert into referral_feedback (organisation_id, referral_id, satisfied, reasons, given_on, recorded_by)
          values (${from.org}, ${id}, ${outcome.satisfied}, ${[...(outcome.reasons ?? [])]}::text[], ${delivered}, ${from.by})`.execute(trx);
      }
    };

    for (const [n, person] of persons.slice(0, outcomes.length).entries()) {
      await refer({ org: o, unit: p.unitId, by: p.createdBy }, { org: reseau.organisationId, service: null }, person, n);
    }
    for (const [n, person] of persons.slice(outcomes.length).entries()) {
      await refer({ org: o, unit: p.unitId, by: p.createdBy }, { org: null, service: clinic }, person, n);
    }
    // RESEAU refers three persons of its own to DEMO (the demo's inbox).
    for (let n = 0; n < 3; n++) {
      const person = newId();
      await sql`insert into beneficiary (organisation_id, id, code, populations, sex, birth_year, registered_unit_id, registered_on, registered_by, last_seen_on)
        values (${reseau.organisationId}, ${person}, ${`RSX${n}K${1995 + n}F`}, ${['MIGRANT']}::text[], 'F', ${1995 + n}, ${reseau.rootUnitId}, ${day(90)}, ${reseau.adminId}, ${day(30)})`.execute(trx);
      await sql`insert into beneficiary_unit (organisation_id, beneficiary_id, org_unit_id, since, via) values (${reseau.organisationId}, ${person}, ${reseau.rootUnitId}, ${day(90)}, 'registered')`.execute(trx);
      await refer({ org: reseau.organisationId, unit: reseau.rootUnitId, by: reseau.adminId }, { org: o, service: null }, person, n + 4);
    }
  });
  return { referrals: count, reseauAdmin };
}
