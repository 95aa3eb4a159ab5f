import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ageBandOf, defaultAgeBands, defaultIndicators, matchesServiceFilter, openedWithinPep, isLiveOnlyFilter, type FilteredService, type IncidentTime, type ServiceFilter } from '@relais/core';
import { createMigratedDatabase, engine, type TestDatabase } from '../../../test/harness.ts';
import { sqlText } from '../../db/sql-text.ts';
import { ageBandExpr } from './report.sql.ts';
import { pepWithinSql, ruleMatchSql, serviceFilterSql } from './service-filter.sql.ts';

/** Every combination of the fields the filters read. */
const services: FilteredService[] = [];
for (const service of ['outreach_contact', 'hiv_test', 'condoms', 'medical_support'])
  for (const result of [null, 'negative', 'positive'])
    for (const kind of [null, 'psychological'])
      for (const strategy of [null, 'fixed', 'mobile'])
        for (const modality of [null, 'online', 'physical'])
          for (const atSite of [false, true]) services.push({ service, result, kind, strategy, modality, atSite });

const reach = ['outreach_contact', 'medical_support'];
// The filters read live only (a service's case: `inCase`, `pepWithin72h`; `treated`) are
// checked below (the 72 h rule) and on cases in `case-indicators.db.test.ts`; the facts never read them.
const filters: ServiceFilter[] = [
  ...defaultIndicators.flatMap((i) => ('filter' in i.measure && !isLiveOnlyFilter(i.measure.filter) ? [i.measure.filter] : [])),
  { services: ['hiv_test', 'condoms'], strategy: ['fixed'] },
  { kind: ['psychological'], modality: ['online', 'physical'] },
  { services: 'reach', atPremises: true },
  { result: ['positive'], atPremises: true, modality: ['physical'] },
  { services: [] },
];

const SITE = '00000000-0000-4000-8000-000000000001';
const column = <K extends keyof FilteredService>(k: K) => services.map((s) => s[k]);

// One migrated database (a copy of the run's template) for the whole file: the checks below only
// read it (SQL expressions on literal rows, and the person facts' function the migrations made).
let d: TestDatabase;
beforeAll(async () => {
  d = await createMigratedDatabase();
});
afterAll(async () => {
  await d.drop();
});

/**
 * The service-filter rule is written once in core (`matchesServiceFilter`, `isAtPremises`) and
 * compiled to SQL once: the SQL must say what the predicates say, on every combination of
 * fields, as the engine compiles it (values) and as the facts' function does (a rule row).
 * A null (a service without the field) counts as no match, as in a `where`.
 */
describe(`the service-filter SQL says what the core predicates say (${engine})`, () => {
  const table = () => sql`unnest(${services.map((_, i) => i)}::int[], ${column('service')}::text[], ${column('result')}::text[], ${column('kind')}::text[],
    ${column('strategy')}::text[], ${column('modality')}::text[], ${services.map((s) => (s.atSite ? SITE : null))}::uuid[]) as s(i, service, result, kind, strategy, modality, site_id)`;

  it.each(filters.map((f) => [JSON.stringify(f), f] as const))('with its values: %s', async (_, filter) => {
    const rows = await sql<{ i: number; hit: boolean }>`select s.i, coalesce(${serviceFilterSql('s', filter, reach)}, false) as hit from ${table()} order by s.i`.execute(d.db.kysely);
    expect(rows.rows.map((r) => r.hit)).toEqual(services.map((s) => matchesServiceFilter(filter, s, reach)));
  });

  it.each(filters.map((f) => [JSON.stringify(f), f] as const))('as a report_rule row: %s', async (_, filter) => {
    const list = (v: readonly string[] | undefined) => (v ? [...v] : null);
    const rule = sql`(select ${filter.services === 'reach' ? reach : list(filter.services)}::text[] as services, ${list(filter.result)}::text[] as results,
      ${list(filter.kind)}::text[] as kinds, ${list(filter.strategy)}::text[] as strategies, ${list(filter.modality)}::text[] as modalities,
      ${filter.atPremises ?? false}::boolean as at_premises) as r`;
    const rows = await sql<{ i: number; hit: boolean }>`select s.i, coalesce(${ruleMatchSql('s', 'r')}, false) as hit from ${table()} cross join ${rule} order by s.i`.execute(d.db.kysely);
    expect(rows.rows.map((r) => r.hit)).toEqual(services.map((s) => matchesServiceFilter(filter, s, reach)));
  });
});

describe(`the 72 h SQL says what core openedWithinPep says (${engine})`, () => {
  /** Incidents and receptions on the boundaries: 71 h 59 in, 72 h 00 in, 72 h 01 out; a date alone by whole days (3 in, 4 out). */
  const cases: Array<{ incident: IncidentTime | null; openedAt: string; within: boolean }> = [
    { incident: { date: '2024-03-01', time: '10:00' }, openedAt: '2024-03-04T09:59', within: true },
    { incident: { date: '2024-03-01', time: '10:00' }, openedAt: '2024-03-04T10:00', within: true },
    { incident: { date: '2024-03-01', time: '10:00' }, openedAt: '2024-03-04T10:01', within: false },
    { incident: { date: '2024-03-01', time: '10:00' }, openedAt: '2024-03-01T09:59', within: false },
    { incident: { date: '2024-03-01', time: '10:00' }, openedAt: '2024-03-01T10:00', within: true },
    // Across a leap day and a year end.
    { incident: { date: '2024-02-27', time: '23:30' }, openedAt: '2024-03-01T23:29', within: true },
    { incident: { date: '2024-02-27', time: '23:30' }, openedAt: '2024-03-01T23:31', within: false },
    { incident: { date: '2023-12-30', time: '00:00' }, openedAt: '2024-01-02T00:00', within: true },
    { incident: { date: '2023-12-30', time: '00:00' }, openedAt: '2024-01-02T00:01', within: false },
    // A date alone: whole days, the reception's time does not matter.
    { incident: { date: '2024-03-01', time: null }, openedAt: '2024-03-01T08:00', within: true },
    { incident: { date: '2024-03-01', time: null }, openedAt: '2024-03-04T23:59', within: true },
    { incident: { date: '2024-03-01', time: null }, openedAt: '2024-03-05T00:00', within: false },
    { incident: { date: '2024-03-01', time: null }, openedAt: '2024-02-29T23:00', within: false },
    // No incident: never within.
    { incident: null, openedAt: '2024-03-01T08:00', within: false },
  ];

  it('on every boundary, as the case file stores it (timestamp, date, time)', async () => {
    expect(cases.map((c) => (c.incident ? openedWithinPep(c.incident, c.openedAt) : false))).toEqual(cases.map((c) => c.within));
    const rows = await sql<{ hit: boolean }>`
      select coalesce(${pepWithinSql('c')}, false) as hit
      from unnest(${cases.map((c) => c.incident?.date ?? null)}::date[], ${cases.map((c) => c.incident?.time ?? null)}::time[], ${cases.map((c) => c.openedAt)}::timestamp[])
        with ordinality as c(incident_on, incident_time, opened_at, n) order by c.n`.execute(d.db.kysely);
    expect(rows.rows.map((r) => r.hit)).toEqual(cases.map((c) => c.within));
  });

  it('in the service filter: a service outside a case, or in a case outside the window, does not pass', () => {
    const service: FilteredService = { service: 'pep_referral', result: null, kind: null, strategy: null, modality: null, atSite: false };
    const filter: ServiceFilter = { services: ['pep_referral'], inCase: true, pepWithin72h: true };
    expect(matchesServiceFilter(filter, service)).toBe(false);
    expect(matchesServiceFilter(filter, { ...service, inCase: { incident: null, openedAt: '2024-03-01T08:00' } })).toBe(false);
    expect(matchesServiceFilter(filter, { ...service, inCase: { incident: cases[0]!.incident, openedAt: cases[0]!.openedAt } })).toBe(true);
    expect(matchesServiceFilter(filter, { ...service, inCase: { incident: cases[2]!.incident, openedAt: cases[2]!.openedAt } })).toBe(false);
    expect(matchesServiceFilter({ inCase: true }, { ...service, inCase: { incident: null, openedAt: '2024-03-01T08:00' } })).toBe(true);
  });
});

describe(`the age band SQL says what core ageBandOf says (${engine})`, () => {
  it('for every age, and without a birth year', async () => {
    const births: Array<number | null> = [null, ...Array.from({ length: 80 }, (_, i) => 1950 + i)];
    const rows = await sql<{ band: string }>`
      select ${ageBandExpr(sql`2024`, sql`p.birth_year`, defaultAgeBands)} as band
      from unnest(${births}::int[]) with ordinality as p(birth_year, n) order by p.n`.execute(d.db.kysely);
    expect(rows.rows.map((r) => r.band)).toEqual(births.map((b) => ageBandOf(defaultAgeBands, b === null ? null : 2024 - b)));
  });
});

describe(`the person facts' database function is the generated one (${engine})`, () => {
  it('matches rules with the service-filter compiler’s SQL', async () => {
    const fn = await sql<{ src: string }>`select prosrc as src from pg_proc where proname = 'relais_write_person_facts'`.execute(d.db.kysely);
    expect(fn.rows).toHaveLength(1);
    expect(fn.rows[0]!.src).toContain(sqlText(ruleMatchSql('s', 'r')));
  });
});
