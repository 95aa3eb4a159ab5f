import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, Beneficiary, Case, ProcessingRegister, RetentionRun, RetentionSettings } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { recordContact, registerBeneficiary } from '../../../test/factories.ts';

/**
 * Retention (issue 18 item 11, ADR 0026) on a hand-built dataset: a person last seen three years
 * ago (phone, notes, a service with a note, a case closed then), another seen today; periods of
 * two years. The job clears the old person's phone and notes, anonymises the old case, deletes the
 * old audit events, keeps the recent person whole, and every report figure stays the same.
 */
describe(`retention (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let sw: Client;
  let coord: Client;
  let unit: string;
  let old: Beneficiary;
  let recent: Beneficiary;
  const year = new Date().getUTCFullYear();
  const then = `${year - 3}-02-10`;
  const periods: RetentionSettings = { contact_phone: 24, notes: 24, voice_notes: 24, closed_cases: 24, audit_log: 24 };

  const reports = async () => {
    const out: unknown[] = [];
    for (const period of [String(year - 3), String(year)]) {
      for (const [program, indicators] of [
        ['prev_ps', ['beneficiaries_served', 'services_delivered', 'reached']],
        ['gbv', ['cases_opened', 'survivors_cared']],
      ] as const) {
        const res = await org.admin.post<{ rows: unknown[] }>('/reports/query', { program, period, indicators, by: ['sex', 'age_band'] });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        out.push(res.body.rows);
      }
    }
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'RET');
    unit = await createUnit(org.admin, org.rootUnitId, 'NADOR');
    ({ client: sw } = await createUserClient(t, org.admin, 'RET', 'as.nador', 'social_worker', unit));
    ({ client: coord } = await createUserClient(t, org.admin, 'RET', 'coord', 'coordinator', org.rootUnitId));
    old = await registerBeneficiary(sw, { orgUnitId: unit, registeredOn: then, sex: 'F', birthYear: 1990, phone: '+212 611 111 111', contactConsent: true, notes: 'Ancienne note' });
    recent = await registerBeneficiary(sw, { orgUnitId: unit, sex: 'F', birthYear: 1992, phone: '+212 622 222 222', contactConsent: true, notes: 'Note récente' });
    await recordContact(sw, { beneficiaryId: old.id, orgUnitId: unit, date: then, services: [{ service: 'iec_session', note: 'Service ancien' }] });
    await recordContact(sw, { beneficiaryId: recent.id, orgUnitId: unit, services: [{ service: 'iec_session', note: 'Service récent' }] });
    const opened = await sw.post<Case>('/cases', { beneficiaryId: old.id, program: 'gbv', orgUnitId: unit, openedAt: `${then}T10:00`, entryDoor: 'walk_in' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect((await sw.post(`/cases/${opened.body.id}/notes`, { body: 'Note de dossier ancienne' })).status).toBe(200);
    expect((await sw.post(`/cases/${opened.body.id}/close`, { closedOn: `${year - 3}-03-01`, reason: 'goals_met' })).status).toBe(200);
    // The audit events of the old registration, three years back (what the product cannot do through its API).
    await t.db.kysely.transaction().execute(async (trx) => {
      await sql`select set_config('relais.audit_maintenance', 'on', true)`.execute(trx);
      await sql`update audit_event set at = at - interval '3 years' where entity_id = ${old.id}`.execute(trx);
    });
  });
  afterAll(() => t.close());

  it('is set by root administrators only, with each category named', async () => {
    expect((await org.admin.get<RetentionSettings>('/privacy/retention')).body).toEqual({ contact_phone: null, notes: null, voice_notes: null, closed_cases: null, audit_log: null });
    expect((await coord.put('/privacy/retention', periods)).status).toBe(403);
    const bad = await org.admin.put<{ error: { fields: Array<{ field: string }> } }>('/privacy/retention', { ...periods, notes: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]!.field).toBe('notes');
    expect((await org.admin.put<RetentionSettings>('/privacy/retention', periods)).body).toEqual(periods);
  });

  it('clears and deletes what is past its period, keeps the rest, and every report figure stays the same', async () => {
    const before = await reports();
    expect(JSON.stringify(before)).toContain('"value":1');
    const run = await org.admin.post<RetentionRun>('/privacy/retention/run', {});
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body).toMatchObject({ phonesCleared: 1, notesCleared: 2, casesAnonymised: 1 });
    expect(run.body.auditEventsDeleted).toBeGreaterThan(0);
    expect(await reports()).toEqual(before);

    const a = (await sw.get<Beneficiary>(`/beneficiaries/${old.id}`)).body;
    expect(a).toMatchObject({ hasPhone: false, notes: null, code: old.code });
    const b = (await sw.get<Beneficiary>(`/beneficiaries/${recent.id}`)).body;
    expect(b).toMatchObject({ phone: '+212 622 222 222', notes: 'Note récente' });
    const notes = await sql<{ n: number }>`select count(*)::int as n from case_note`.execute(t.db.kysely);
    expect(notes.rows[0]!.n).toBe(0);
    const serviceNotes = await sql<{ note: string | null }>`select note from service_event order by service_date`.execute(t.db.kysely);
    expect(serviceNotes.rows.map((r) => r.note)).toEqual([null, 'Service récent']);
    const oldEvents = await sql<{ n: number }>`select count(*)::int as n from audit_event where at < now() - interval '2 years'`.execute(t.db.kysely);
    expect(oldEvents.rows[0]!.n).toBe(0);

    const again = await org.admin.post<RetentionRun>('/privacy/retention/run', {});
    expect(again.body).toMatchObject({ phonesCleared: 0, notesCleared: 0, casesAnonymised: 0, auditEventsDeleted: 0 });
    const audit = await org.admin.get<{ items: AuditEvent[] }>('/audit?action=retention.run');
    expect(audit.body.items).toHaveLength(2);
    expect((await coord.post('/privacy/retention/run', {})).status).toBe(403);
  });

  it('prints the register of processing from the configuration: categories with their retention, populations, who processes, recipients (root administrators only)', async () => {
    expect((await coord.get('/privacy/register')).status).toBe(403);
    const res = await org.admin.get<ProcessingRegister>('/privacy/register');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = res.body;
    expect(r.organisation.code).toBe('RET');
    expect(r.programs).toEqual(expect.arrayContaining(['prev_ps', 'gbv']));
    expect(r.populations.length).toBeGreaterThan(0);
    const byCategory = Object.fromEntries(r.categories.map((c) => [c.category, c]));
    // The periods set in the first test, and the categories this organisation holds (a case was opened).
    expect(byCategory.contact_phone).toEqual({ category: 'contact_phone', sensitive: false, retentionMonths: 24 });
    expect(byCategory.cases).toEqual({ category: 'cases', sensitive: true, retentionMonths: 24 });
    expect(byCategory.populations!.sensitive).toBe(true);
    expect(byCategory.identifier!.retentionMonths).toBeNull();
    expect(r.roles).toEqual(expect.arrayContaining([{ role: 'social_worker', users: 1 }, { role: 'coordinator', users: 1 }]));
    expect(r.security).toMatchObject({ secondFactorRequiredForAdministrators: false, usersWithSecondFactor: 0, retentionJob: true });
    expect(r.security.activeUsers).toBeGreaterThanOrEqual(3);
    expect(r.counts).toEqual({ persons: 2, erased: 0 });
    expect(r.recipients).toEqual([]);
    expect(r.dhis2Mapped).toBe(false);
  });
});

