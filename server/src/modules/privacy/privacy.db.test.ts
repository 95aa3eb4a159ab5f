import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, AuditEvent, Beneficiary, Case, Consent, ErasureResult, Referral, SubjectAccess } from '@relais/core';
import { Client, createOrg, createTestApp, createUnit, createUserClient, engine, PASSWORD, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { recordContact, registerBeneficiary } from '../../../test/factories.ts';

/**
 * The person's rights (issue 18 items 12–13, ADR 0026): a person with services, a case and a
 * referral with consent asks what is held about her (the export lists who read her record), then
 * to be erased; the reports do not move, no table holds her code or phone any more, the receiver
 * loses the referral.
 */
describe(`subject access and erasure of a person (${engine})`, () => {
  let t: TestApp;
  let ms2: TestOrg;
  let chams: TestOrg;
  let sw: Client;
  let coord: Client;
  let receiver: Client;
  let oujda: string;
  let person: Beneficiary;
  let other: Beneficiary;
  let referralId: string;
  const phone = '+212 661 234 987';
  const year = new Date().getUTCFullYear();
  const today = new Date().toISOString().slice(0, 10);

  const reports = async () => {
    const out: unknown[] = [];
    for (const [program, indicators, bys] of [
      ['prev_ps', ['beneficiaries_served', 'services_delivered', 'reached', 'condoms_distributed'], [[], ['sex', 'age_band'], ['population', 'marital_status']]],
      ['gbv', ['cases_opened', 'survivors_cared'], [[], ['sex', 'age_band']]],
      ['prev_ps', ['referrals_sent', 'referrals_accepted'], [[], ['org_unit']]],
    ] as const) {
      for (const by of bys) {
        const res = await ms2.admin.post<{ rows: unknown[] }>('/reports/query', { program, period: String(year), indicators, by });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        out.push(res.body.rows);
      }
    }
    const received = await chams.admin.post<{ rows: unknown[] }>('/reports/query', { program: 'prev_ps', period: String(year), indicators: ['referrals_received'] });
    out.push(received.body.rows);
    return out;
  };

  /** Every row of every table of the database, as JSON text. */
  const dump = async () => {
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.db.kysely);
    expect(tables.rows.length).toBeGreaterThan(30);
    const parts: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await sql<{ j: string }>`select row_to_json(x)::text as j from ${sql.table(name)} x`.execute(t.db.kysely);
      parts.push(...rows.rows.map((r) => r.j));
    }
    return parts.join('\n');
  };

  beforeAll(async () => {
    t = await createTestApp();
    ms2 = await createOrg(t, 'MS2');
    chams = await createOrg(t, 'CHAMS');
    oujda = await createUnit(ms2.admin, ms2.rootUnitId, 'OUJDA');
    ({ client: sw } = await createUserClient(t, ms2.admin, 'MS2', 'conseillere', 'social_worker', oujda));
    ({ client: coord } = await createUserClient(t, ms2.admin, 'MS2', 'coord', 'coordinator', ms2.rootUnitId));
    ({ client: receiver } = await createUserClient(t, chams.admin, 'CHAMS', 'accueil', 'partner', chams.rootUnitId));
    person = await registerBeneficiary(sw, { orgUnitId: oujda, sex: 'F', birthYear: 1994, phone, contactConsent: true, notes: 'Vit chez sa sœur à Oujda', profile: { maritalStatus: 'single' } });
    other = await registerBeneficiary(sw, { orgUnitId: oujda, sex: 'M', birthYear: 1990 });
    await recordContact(sw, { beneficiaryId: person.id, orgUnitId: oujda, services: [{ service: 'iec_session', note: 'Contact au marché' }, { service: 'condoms', quantity: 12 }] });
    await recordContact(sw, { beneficiaryId: other.id, orgUnitId: oujda });
    const opened = await sw.post<Case>('/cases', { beneficiaryId: person.id, program: 'gbv', orgUnitId: oujda, openedAt: `${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T09:00`, entryDoor: 'walk_in' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect((await sw.post(`/cases/${opened.body.id}/notes`, { body: 'Elle craint son mari.' })).status).toBe(200);
    const consent = await sw.post<Consent>(`/beneficiaries/${person.id}/consents`, { to: ['CHAMS'], purposes: ['referral'], fields: ['code', 'phone', 'need'], grantedBy: 'witnessed', witness: 'Témoin Untel', givenOn: today });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    const sent = await sw.post<Referral>('/referrals', { beneficiaryId: person.id, toOrganisation: 'CHAMS', need: 'Accompagnement juridique', urgency: 'normal', note: 'Connue du quartier' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    referralId = sent.body.id;
    const seen = await receiver.get<Referral>(`/referrals/${referralId}`);
    expect(seen.body.person).toMatchObject({ code: person.code, phone });
    expect((await ms2.admin.get(`/beneficiaries/${person.id}`)).status).toBe(200); // an audited read naming her code
    // Her insertion pathway (ADR 0033): a training she is following, and a step deleted as entered by mistake.
    const step = { beneficiaryId: person.id, orgUnitId: oujda, kind: 'training', activity: 'Initiation à la couture', startDate: today, note: 'Motivée, garde d’enfant à trouver' };
    expect((await sw.post('/insertion/steps', step)).status).toBe(201);
    const mistaken = await sw.post<{ id: string }>('/insertion/steps', { ...step, kind: 'job', activity: 'Saisie par erreur', note: null });
    expect((await sw.delete(`/insertion/steps/${mistaken.body.id}`)).status).toBe(200);
    // Her methadone (ADR 0029): a dose raised after five days, a dose on site, two days taken away, a day missed, then an interruption.
    const ago = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const episode = await ms2.admin.post<{ id: string }>('/ost/episodes', { beneficiaryId: person.id, orgUnitId: oujda, startDate: ago(10), prescriber: 'Dr Synthétique', doseMg: 60 });
    expect(episode.status, JSON.stringify(episode.body)).toBe(201);
    const ep = episode.body.id;
    expect((await ms2.admin.post(`/ost/episodes/${ep}/doses`, { fromDate: ago(5), doseMg: 80 })).status).toBeLessThan(300);
    for (const tap of [{ date: ago(9), kind: 'on_site' }, { date: ago(8), kind: 'take_away', days: 2 }, { date: ago(5), kind: 'missed' }]) {
      const r = await ms2.admin.post('/ost/dispensings', { episodeId: ep, ...tap });
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    }
    const ended = await ms2.admin.post(`/ost/episodes/${ep}/end`, { endDate: ago(3), reason: 'interrupted', note: 'Partie à Nador' });
    expect(ended.status, JSON.stringify(ended.body)).toBeLessThan(300);
  });
  afterAll(() => t.close());

  it('exports everything held about her to an administrator: record, services, case, consent, referral, who read it, the corrections', async () => {
    expect((await sw.patch(`/beneficiaries/${person.id}`, { profile: { housing: 'with_family' } })).status).toBe(200);
    const res = await ms2.admin.get<SubjectAccess>(`/beneficiaries/${person.id}/subject-access`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const x = res.body;
    expect(x.organisation.code).toBe('MS2');
    expect(x.person).toMatchObject({ code: person.code, phone, notes: 'Vit chez sa sœur à Oujda', birthYear: 1994 });
    expect(x.erasedAt).toBeNull();
    // The doses she was given (on site, taken away) are services too.
    expect(x.services.map((s) => s.service).sort()).toEqual(['condoms', 'iec_session', 'ost_dose', 'ost_dose']);
    expect(x.cases).toEqual([expect.objectContaining({ program: 'gbv', status: 'open' })]);
    expect(x.consents).toEqual([expect.objectContaining({ active: true, witness: 'Témoin Untel' })]);
    expect(x.referrals).toEqual([expect.objectContaining({ to: 'Organisation CHAMS', need: 'Accompagnement juridique', status: 'sent' })]);
    expect(x.ost).toEqual([
      {
        unit: 'Unit OUJDA',
        startDate: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10),
        endDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
        endReason: 'interrupted',
        endNote: 'Partie à Nador',
        prescriber: 'Dr Synthétique',
        doses: [
          { fromDate: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10), doseMg: 60 },
          { fromDate: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10), doseMg: 80 },
        ],
        daysOnSite: 1,
        daysTakenAway: 2,
        daysMissed: 1,
      },
    ]);
    expect(x.insertion).toEqual([{ kind: 'training', activity: 'Initiation à la couture', startDate: today, endDate: null, completed: null, unit: 'Unit OUJDA', note: 'Motivée, garde d’enfant à trouver' }]);
    expect(x.reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'beneficiary.read', by: 'Admin MS2' }),
        expect.objectContaining({ action: 'referral.read', by: 'User accueil (Organisation CHAMS)' }),
      ]),
    );
    expect(x.changes).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'beneficiary.update', by: 'User conseillere', fields: ['profile'] })]));
    expect((await coord.get(`/beneficiaries/${person.id}/subject-access`)).status).toBe(403);
    expect((await chams.admin.get(`/beneficiaries/${person.id}/subject-access`)).status).toBe(404);
    const audit = await ms2.admin.get<{ items: AuditEvent[] }>('/audit?action=beneficiary.subject_access');
    expect(audit.body.items[0]).toMatchObject({ entityId: person.id });
  });

  it('is refused to a coordinator (403), without a reason (the field named), for an unknown person and to an administrator of some programs only (404)', async () => {
    expect((await coord.post<ApiErrorBody>(`/beneficiaries/${person.id}/erase`, { reason: 'Demande écrite du 1er décembre' })).status).toBe(403);
    const noReason = await ms2.admin.post<ApiErrorBody>(`/beneficiaries/${person.id}/erase`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields?.[0]?.field).toBe('reason');
    expect((await chams.admin.post<ApiErrorBody>(`/beneficiaries/${person.id}/erase`, { reason: 'Demande écrite du 1er décembre' })).status).toBe(404);
    // Her rights concern everything held about her, her gbv case too: an administrator holding some programs only neither exports nor erases.
    const made = await ms2.admin.post<{ id: string }>('/users', { username: 'admin.prev', displayName: 'Admin Prévention', password: PASSWORD, assignments: [{ role: 'administrator', orgUnitId: ms2.rootUnitId, programs: ['prev_ps'] }] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const partial = await new Client(t.app).login('MS2', 'admin.prev', PASSWORD);
    expect((await partial.get(`/beneficiaries/${person.id}`)).status).toBe(200); // she reads the person's record
    expect((await partial.get(`/beneficiaries/${person.id}/subject-access`)).status).toBe(404);
    expect((await partial.post(`/beneficiaries/${person.id}/erase`, { reason: 'Demande écrite du 1er décembre' })).status).toBe(404);
  });

  it('keeps every report figure, leaves her code and phone nowhere, and the receiver loses the referral', async () => {
    const before = await reports();
    const served = JSON.stringify(before);
    expect(served).toContain('"value":2'); // two persons served: the reports have something to keep
    const beforeDump = await dump();
    expect(beforeDump).toContain(person.code);
    expect(beforeDump).toContain('Contact au marché');

    const res = await ms2.admin.post<ErasureResult>(`/beneficiaries/${person.id}/erase`, { reason: 'Demande écrite du 1er décembre' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.counts).toMatchObject({ records: 1, services: 4, cases: 1, caseNotes: 1, consents: 1, referrals: 1 });
    expect(res.body.pseudonym).toMatch(/^ANON-[0-9A-F]{12}$/);

    expect(await reports()).toEqual(before);
    const all = await dump();
    expect(all).not.toContain(person.code);
    expect(all).not.toContain(phone.replace(/ /g, ''));
    expect(all).not.toContain(phone);
    for (const text of ['Vit chez sa sœur', 'Contact au marché', 'Connue du quartier', 'Accompagnement juridique', 'Témoin Untel']) expect(all).not.toContain(text);
    expect(all).toContain(other.code);

    expect((await receiver.get(`/referrals/${referralId}`)).status).toBe(404);
    expect((await receiver.get<{ items: Referral[] }>('/referrals?box=incoming')).body.items).toHaveLength(0);
    const sender = await sw.get<Referral>(`/referrals/${referralId}`);
    expect(sender.body.status).toBe('withdrawn');
    const consents = await sw.get<{ items: Consent[] }>(`/beneficiaries/${person.id}/consents`);
    expect(consents.body.items.map((c) => c.active)).toEqual([false]);

    const record = await sw.get<Beneficiary>(`/beneficiaries/${person.id}`);
    expect(record.body).toMatchObject({ code: res.body.pseudonym, sex: 'F', birthYear: 1994, hasPhone: false, notes: null });
    expect(record.body.erasedAt).toBeTruthy();
    const audit = await ms2.admin.get<{ items: AuditEvent[] }>('/audit?action=beneficiary.erase');
    expect(audit.body.items[0]).toMatchObject({ action: 'beneficiary.erase', entityId: person.id });
    const after = (await ms2.admin.get<SubjectAccess>(`/beneficiaries/${person.id}/subject-access`)).body;
    expect(after).toMatchObject({ person: { code: res.body.pseudonym, phone: null, notes: null }, consents: [{ active: false, witness: null }] });
    expect(after.erasedAt).toBeTruthy();
    expect(after.services).toHaveLength(4);
    // Erasure clears the step's note (ADR 0033); the step stays, counted.
    expect(after.insertion).toEqual([expect.objectContaining({ kind: 'training', note: null })]);
    // Erasure clears the episode's end note; the episode and its doses stay, counted.
    expect(after.ost).toEqual([expect.objectContaining({ endReason: 'interrupted', endNote: null, daysMissed: 1 })]);
  });

  it('cannot erase her twice nor change the erased record (409 person_erased)', async () => {
    const again = await ms2.admin.post<ApiErrorBody>(`/beneficiaries/${person.id}/erase`, { reason: 'Demande écrite du 1er décembre' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('person_erased');
    const change = await sw.patch<ApiErrorBody>(`/beneficiaries/${person.id}`, { notes: 'nouvelle note' });
    expect(change.status).toBe(409);
    expect(change.body.error.message).toContain('effacées');
  });
});
