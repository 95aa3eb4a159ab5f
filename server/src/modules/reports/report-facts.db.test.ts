import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { seededRandom, type ReportQuery, type ServiceCode } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { codeOf, createUser, recordContacts, registerBeneficiary } from '../../../test/factories.ts';
import { createReportEngine, type ReportScope } from './report.engine.ts';
import { markRulesReady, pendingPrograms, rebuildFacts, replaceRules } from './report-facts.repository.ts';
import { buildPendingFacts, syncReportFacts } from './report-facts.service.ts';

type Org = TestOrg;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  const next = seededRandom(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/**
 * The facts the triggers keep (ADR 0010) must give exactly what the services give:
 * the same engine is run reading the facts (`auto`) and reading the services
 * (`live`) on a generated organisation, after inserts, corrections, deletions,
 * a merge, changes of sex and birth year, and a change of the program's reach.
 */
// Each test compares some 2,000 report cells twice (facts and live): on the embedded engine of a
// shared 2-core machine one takes over a minute, hence the longer timeout.
describe(`report facts give the numbers of the services (${engine})`, { timeout: 240_000 }, () => {
  let t: TestApp;
  let org: Org;
  const units: Record<string, string> = {};
  const persons: string[] = [];
  let serviceIds: string[] = [];
  let worker2 = '';
  const rnd = random(20261130);

  const auto = () => createReportEngine(t.db.kysely);
  const live = () => createReportEngine(t.db.kysely, { source: 'live' });

  const queries: Array<Partial<ReportQuery> & { indicators: string[] }> = [];
  const distinct = ['reached', 'tested_known_result', 'positive', 'beneficiaries_served', 'persons_full_paquet', 'returned'];
  const additive = ['tests_performed', 'condoms_distributed', 'lubricant_distributed', 'services_delivered'];
  for (const period of ['2024', '2024-Q3', '2023-07-01..2024-12-31', '2024-02-10..2024-05-20']) {
    queries.push({ period, indicators: [...distinct, ...additive, 'testing_rate', 'return_rate', 'paquet_minimum_rate'], by: [] });
    queries.push({ period, indicators: [...distinct, 'testing_rate'], by: ['org_unit', 'age_band', 'sex'], orgUnitLevel: 'section' });
    queries.push({ period, indicators: [...distinct, ...additive], by: ['period', 'org_unit'], grain: 'quarter' });
    queries.push({ period, indicators: distinct, by: ['population', 'marital_status'] });
    queries.push({ period, indicators: additive, by: ['period', 'service', 'site'], grain: 'month' });
  }
  queries.push({ period: '2024', indicators: distinct, by: ['org_unit', 'age_band'], orgUnitLevel: 'region' });
  queries.push({ period: '2024', indicators: [...distinct, ...additive], by: ['org_unit'], filters: { org_unit: ['SA', 'SC'] } });
  queries.push({ period: '2024', indicators: distinct, by: ['sex', 'age_band'], filters: { population: ['PS'], age_band: ['<25'] } });
  queries.push({ period: '2024', indicators: [...distinct, ...additive], by: ['worker', 'modality'] });
  queries.push({ period: '2024', indicators: additive, by: ['strategy', 'result'], filters: { service: ['hiv_test'] } });
  queries.push({ period: '2023', indicators: [...distinct, ...additive], by: ['period', 'schooling', 'housing', 'occupation'], grain: 'semester' });

  async function expectSameNumbers(label: string) {
    // Rules changed through the API have their facts built in the background: compare once built.
    await t.app.reportFacts.idle();
    const pending = await sql<{ n: number }>`select count(*)::int as n from report_rule where organisation_id = ${org.organisationId} and not ready`.execute(t.db.kysely);
    expect(pending.rows[0]!.n, `${label}: rules still waiting for their facts`).toBe(0);
    const scopes: ReportScope[] = ['organisation', [{ path: units.R1path!, programs: ['prev_ps'] }, { path: units.SCpath!, programs: null }]];
    let compared = 0;
    for (const program of ['prev_ps', 'prev_hsh'] as const) {
      for (const q of queries) {
        for (const scope of program === 'prev_ps' ? scopes : scopes.slice(0, 1)) {
          const query: ReportQuery = { program, period: '2024', by: [], grain: 'month', filters: {}, ...q };
          const expected = await live().run(org.organisationId, scope, query);
          const actual = await auto().run(org.organisationId, scope, query);
          expect(actual, `${label}: ${JSON.stringify({ program, scope, ...q })}`).toEqual(expected);
          compared += expected.length;
        }
      }
    }
    // The comparison is about real numbers, not two empty reports.
    expect(compared).toBeGreaterThan(1500);
  }

  /** Records n contacts of 1–4 services (prev_ps or prev_hsh, 2023–2025) in one batch, written in one statement (sync push). */
  async function insertContacts(n: number) {
    const contacts: Parameters<typeof recordContacts>[1] = [];
    const sections = ['SA', 'SB', 'SC'];
    for (let c = 0; c < n; c++) {
      const person = rnd.pick(persons);
      const date = `${rnd.pick([2023, 2024, 2024, 2025])}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
      const section = rnd.pick(sections);
      const site = section !== 'SB' && rnd.next() < 0.5 ? units[`${section}site`]! : null;
      const program = rnd.next() < 0.7 ? 'prev_ps' : 'prev_hsh';
      const worker = rnd.next() < 0.5 ? org.adminId : worker2;
      const kinds = rnd.next() < 0.3 ? ['outreach_contact', 'condoms', 'iec_session', 'lubricant'] : [rnd.pick(['outreach_contact', 'condoms', 'iec_session', 'hiv_test', 'hiv_test', 'lubricant', 'syphilis_test'])];
      const services = kinds.slice(0, rnd.int(1, kinds.length)).map((service) => ({
        service: service as ServiceCode,
        quantity: service === 'condoms' || service === 'lubricant' ? rnd.int(1, 20) : null,
        result: service.endsWith('_test') ? rnd.pick(['negative', 'negative', 'positive', 'indeterminate'] as const) : null,
        strategy: service === 'hiv_test' ? rnd.pick(['fixed', 'mobile'] as const) : null,
        modality: service === 'outreach_contact' ? rnd.pick(['in_person', 'online', 'phone'] as const) : null,
      }));
      contacts.push({ beneficiaryId: person, date, orgUnitId: units[section]!, siteId: site, program, workerId: worker, services });
    }
    for (const recorded of await recordContacts(org.admin, contacts)) serviceIds.push(...recorded.serviceIds);
  }

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'FACT');
    const r1 = await createUnit(org.admin, org.rootUnitId, 'R1', 'region');
    units.SA = await createUnit(org.admin, r1, 'SA');
    units.SB = await createUnit(org.admin, r1, 'SB');
    units.SC = await createUnit(org.admin, org.rootUnitId, 'SC');
    units.SAsite = await createUnit(org.admin, units.SA, 'SA-PLAGE', 'site');
    units.SCsite = await createUnit(org.admin, units.SC, 'SC-SOUK', 'site');
    const paths = await t.db.kysely.selectFrom('org_unit').select(['code', 'path']).where('organisation_id', '=', org.organisationId).execute();
    units.R1path = paths.find((p) => p.code === 'R1')!.path;
    units.SCpath = paths.find((p) => p.code === 'SC')!.path;
    // A second worker, who records in every section.
    worker2 = await createUser(org.admin, { username: 'ep2', displayName: 'EP 2', assignments: ['SA', 'SB', 'SC'].map((s) => ({ role: 'peer_educator', orgUnitId: units[s]! })) });
    for (let i = 0; i < 40; i++) {
      const populations = rnd.pick([['PS'], ['PS', 'PVVIH'], ['HSH'], ['PS', 'HSH']]);
      const sex = rnd.pick(['F', 'F', 'M', 'X'] as const);
      const birthYear = rnd.next() < 0.1 ? null : rnd.int(1985, 2006);
      const profile = {
        maritalStatus: rnd.pick(['single', 'married', 'single_mother', null] as const),
        schooling: rnd.pick(['primary', 'secondary', null] as const),
        housing: rnd.pick(['tenant', null] as const),
        occupation: rnd.pick(['employed', 'unemployed', null] as const),
      };
      const person = await registerBeneficiary(org.admin, { code: codeOf(i, { sex, birthYear }), orgUnitId: units.SA, registeredOn: '2023-01-01', populations, sex, birthYear, profile });
      persons.push(person.id);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('after inserts in several statements', async () => {
    for (let batch = 0; batch < 6; batch++) await insertContacts(40);
    const facts = await sql<{ n: number }>`select count(*)::int as n from report_person_fact where organisation_id = ${org.organisationId}`.execute(t.db.kysely);
    expect(facts.rows[0]!.n).toBeGreaterThan(100);
    await expectSameNumbers('inserted');
  });

  it('after corrections, deletions, a merge and changes of sex and birth year', async () => {
    const k = t.db.kysely;
    const some = (n: number) => {
      const picked = new Set<string>();
      while (picked.size < n) picked.add(rnd.pick(serviceIds));
      return [...picked];
    };
    await sql`update service_event set deleted_at = now() where organisation_id = ${org.organisationId} and id = any(${some(15)}::uuid[])`.execute(k);
    // Moved to another section, an HIV test leaves its register there (its number could be taken in the new one).
    await sql`update service_event set service_date = service_date - 200, org_unit_id = ${units.SB}, register_year = null, register_no = null where organisation_id = ${org.organisationId} and id = any(${some(15)}::uuid[])`.execute(k);
    const removed = some(8);
    await sql`delete from service_event where organisation_id = ${org.organisationId} and id = any(${removed}::uuid[])`.execute(k);
    serviceIds = serviceIds.filter((id) => !removed.includes(id));
    await sql`update beneficiary set sex = case sex when 'F' then 'M' else 'F' end where organisation_id = ${org.organisationId} and id = any(${persons.slice(0, 3)}::uuid[])`.execute(k);
    await sql`update beneficiary set birth_year = 1999 where organisation_id = ${org.organisationId} and id = any(${persons.slice(3, 6)}::uuid[])`.execute(k);
    // Through the API: a merge moves the services of one person to another; a correction and a deletion.
    const coordinator = await createUserClient(t, org.admin, 'FACT', 'coord', 'coordinator', org.rootUnitId);
    const merge = await coordinator.client.post('/merges', { keepId: persons[10], mergeId: persons[11] });
    expect(merge.status, JSON.stringify(merge.body)).toBe(200);
    const live1 = await sql<{ id: string }>`select id from service_event where organisation_id = ${org.organisationId} and deleted_at is null order by id limit 2`.execute(k);
    const patched = await org.admin.patch(`/services/${live1.rows[0]!.id}`, { date: '2024-02-15' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const deleted = await org.admin.delete(`/services/${live1.rows[1]!.id}`);
    expect([200, 204]).toContain(deleted.status);
    await expectSameNumbers('corrected');
  });

  it('after the program’s reach and paquet minimum change (the facts are rebuilt)', async () => {
    const res = await org.admin.put('/catalogue/programs/prev_ps', {
      services: ['outreach_contact', 'condoms', 'lubricant', 'iec_session', 'hiv_test', 'syphilis_test'],
      reach: ['outreach_contact'],
      paquetMinimum: ['outreach_contact', 'condoms'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await expectSameNumbers('reach changed');
  });

  it('after an administrator adds her own indicators (the facts are rebuilt for them)', async () => {
    const add = (body: unknown) => org.admin.post('/indicators', body);
    const labels = (name: string) => ({ fr: name, ar: name, en: name });
    expect((await add({ code: 'mobile_tested', labels: labels('Mobile'), measure: { kind: 'distinct_persons', filter: { services: ['hiv_test'], strategy: ['mobile'] } } })).status).toBe(201);
    expect((await add({ code: 'syphilis_tests', labels: labels('Syphilis'), measure: { kind: 'count_services', filter: { services: ['syphilis_test'], result: ['positive', 'negative'] } } })).status).toBe(201);
    expect((await add({ code: 'mobile_share', labels: labels('Part mobile'), measure: { kind: 'ratio', numerator: 'mobile_tested', denominator: 'tested_known_result' } })).status).toBe(201);
    const rules = await sql<{ n: number }>`select count(*)::int as n from report_rule where organisation_id = ${org.organisationId} and indicator = 'mobile_tested'`.execute(t.db.kysely);
    expect(rules.rows[0]!.n).toBeGreaterThan(0);
    const mobile = await auto().run(org.organisationId, 'organisation', { program: 'prev_ps', period: '2024', indicators: ['mobile_tested'], by: [], grain: 'month', filters: {} });
    expect(mobile[0]!.value).toBeGreaterThan(0);
    for (const q of queries) q.indicators = [...q.indicators, 'mobile_tested', 'syphilis_tests', 'mobile_share'];
    await expectSameNumbers('own indicators');
  });

  it('a change of rules and a write committing meanwhile take turns (the write waits, then follows the new rules)', async () => {
    const k = t.db.kysely;
    const measure = { kind: 'distinct_persons', filter: { services: ['syphilis_test'], result: ['positive'] } };
    let write: Promise<void> | undefined;
    await k.transaction().execute(async (trx) => {
      await sql`insert into indicator_definition (organisation_id, code, labels, measure, created_by)
        values (${org.organisationId}, 'syphilis_positive', ${JSON.stringify({ fr: 'S', ar: 'S', en: 'S' })}::jsonb, ${JSON.stringify(measure)}::jsonb, ${org.adminId})`.execute(trx);
      expect(await syncReportFacts(trx, org.organisationId, { now: true })).toEqual([org.organisationId]);
      if (engine === 'postgres') {
        // Another connection writes services and commits while the rules are being replaced:
        // its commit-time refresh must wait, or it would write facts by the old rules.
        write = insertContacts(60);
        for (let i = 0; ; i++) {
          const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_locks where relation = 'report_rule'::regclass and not granted`.execute(k);
          if (waiting.rows[0]!.n > 0) break;
          if (i > 200) throw new Error('the concurrent write never waited for the change of rules');
          await new Promise((r) => setTimeout(r, 25));
        }
      }
    });
    await (write ?? insertContacts(60));
    for (const q of queries) q.indicators = [...q.indicators, 'syphilis_positive'];
    await expectSameNumbers('rules changed during a write');
  });

  it('while new rules wait for their facts reports read the services; the facts are then built chunk by chunk of persons', async () => {
    const k = t.db.kysely;
    const measure = { kind: 'distinct_persons', filter: { services: ['hiv_test'], result: ['negative'] } };
    await k.transaction().execute(async (trx) => {
      await sql`insert into indicator_definition (organisation_id, code, labels, measure, created_by)
        values (${org.organisationId}, 'hiv_negative', ${JSON.stringify({ fr: 'N', ar: 'N', en: 'N' })}::jsonb, ${JSON.stringify(measure)}::jsonb, ${org.adminId})`.execute(trx);
      expect(await syncReportFacts(trx, org.organisationId)).toEqual([org.organisationId]);
    });
    const waiting = await sql<{ program: string }>`select distinct program from report_rule where organisation_id = ${org.organisationId} and not ready order by 1`.execute(k);
    expect(waiting.rows.map((r) => r.program)).toEqual(['prev_hsh', 'prev_ps']);
    const q: ReportQuery = { program: 'prev_ps', period: '2024', indicators: ['hiv_negative'], by: ['org_unit'], grain: 'month', filters: {} };
    const expected = await live().run(org.organisationId, 'organisation', q);
    expect(expected.find((r) => r.org_unit === '*')!.value).toBeGreaterThan(0);
    // Not built yet: the numbers come from the services, exact; the screens say why they are slower.
    expect(await auto().run(org.organisationId, 'organisation', q)).toEqual(expected);
    const building = await org.admin.post<{ rows: unknown[]; factsBuilding: boolean }>('/reports/query', { program: 'prev_ps', period: '2024', indicators: ['hiv_negative'] });
    expect(building.body.factsBuilding).toBe(true);
    // Writes meanwhile refresh their keys by the waiting rules.
    await insertContacts(30);
    // A change of rules during a build leaves them waiting (the build was for the old ones).
    const [before] = await pendingPrograms(k, org.organisationId);
    await k.transaction().execute((trx) => replaceRules(trx, org.organisationId, [before!.program], [], false));
    await k.transaction().execute(async (trx) => syncReportFacts(trx, org.organisationId));
    expect(await k.transaction().execute((trx) => markRulesReady(trx, org.organisationId, before!.program, before!.version))).toBe(false);
    // Seven persons a chunk: several chunks, each one transaction.
    expect(await buildPendingFacts(k, org.organisationId, { chunkPersons: 7 })).toBe(true);
    const built = await org.admin.post<{ factsBuilding: boolean }>('/reports/query', { program: 'prev_ps', period: '2024', indicators: ['hiv_negative'] });
    expect(built.body.factsBuilding).toBe(false);
    for (const query of queries) query.indicators = [...query.indicators, 'hiv_negative'];
    await expectSameNumbers('built in the background');
  });

  it('reads the facts, not the services (emptied facts give other numbers until rebuilt)', async () => {
    const q: ReportQuery = { program: 'prev_ps', period: '2024', indicators: ['reached'], by: [], grain: 'month', filters: {} };
    const before = await auto().run(org.organisationId, 'organisation', q);
    expect(before[0]!.value).toBeGreaterThan(0);
    // In step: a start-up check rebuilds nothing.
    expect(await syncReportFacts(t.db.kysely)).toEqual([]);
    await sql`delete from report_person_fact where organisation_id = ${org.organisationId}`.execute(t.db.kysely);
    expect((await auto().run(org.organisationId, 'organisation', q))[0]!.value).toBe(0);
    await t.db.kysely.transaction().execute((trx) => rebuildFacts(trx, org.organisationId));
    expect(await auto().run(org.organisationId, 'organisation', q)).toEqual(before);
  });
});
