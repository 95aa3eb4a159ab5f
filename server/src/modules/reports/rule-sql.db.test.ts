import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ageBandOf, defaultAgeBands, defaultIndicators, matchesServiceFilter, type FilteredService, type ServiceFilter } from '@relais/core';
import { createTestDatabase, engine, type TestDatabase } from '../../../test/harness.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { sqlText } from '../../db/sql-text.ts';
import { ageBandExpr } from './report.sql.ts';
import { ruleMatchSql, serviceFilterSql } from './service-filter.sql.ts';

/** Every combination of the fields the filters read. */
const services: FilteredService[] = [];
for (const service of ['outreach_contact', 'hiv_test', 'condoms', 'medical_support'])
  for (const result of [null, 'negative', 'positive'])
    for (const kind of [null, 'psychological'])
      for (const strategy of [null, 'fixed', 'mobile'])
        for (const modality of [null, 'online', 'physical'])
          for (const atSite of [false, true]) services.push({ service, result, kind, strategy, modality, atSite });

const reach = ['outreach_contact', 'medical_support'];
const filters: ServiceFilter[] = [
  ...defaultIndicators.flatMap((i) => ('filter' in i.measure ? [i.measure.filter] : [])),
  { services: ['hiv_test', 'condoms'], strategy: ['fixed'] },
  { kind: ['psychological'], modality: ['online', 'physical'] },
  { services: 'reach', atPremises: true },
  { result: ['positive'], atPremises: true, modality: ['physical'] },
  { services: [] },
];

const SITE = '00000000-0000-4000-8000-000000000001';
const column = <K extends keyof FilteredService>(k: K) => services.map((s) => s[k]);

/**
 * The service-filter rule is written once in core (`matchesServiceFilter`, `isAtPremises`) and
 * compiled to SQL once: the SQL must say what the predicates say, on every combination of
 * fields, as the engine compiles it (values) and as the facts' function does (a rule row).
 * A null (a service without the field) counts as no match, as in a `where`.
 */
describe(`the service-filter SQL says what the core predicates say (${engine})`, () => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase();
  });
  afterAll(async () => {
    await d.drop();
  });

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

describe(`the age band SQL says what core ageBandOf says (${engine})`, () => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase();
  });
  afterAll(async () => {
    await d.drop();
  });

  it('for every age, and without a birth year', async () => {
    const births: Array<number | null> = [null, ...Array.from({ length: 80 }, (_, i) => 1950 + i)];
    const rows = await sql<{ band: string }>`
      select ${ageBandExpr(sql`2024`, sql`p.birth_year`, defaultAgeBands)} as band
      from unnest(${births}::int[]) with ordinality as p(birth_year, n) order by p.n`.execute(d.db.kysely);
    expect(rows.rows.map((r) => r.band)).toEqual(births.map((b) => ageBandOf(defaultAgeBands, b === null ? null : 2024 - b)));
  });
});

describe(`the person facts' database function is the generated one (${engine})`, () => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await createTestDatabase();
    await migrateToLatest(d.db.kysely);
  });
  afterAll(async () => {
    await d.drop();
  });

  it('matches rules with the service-filter compiler’s SQL', async () => {
    const fn = await sql<{ src: string }>`select prosrc as src from pg_proc where proname = 'relais_write_person_facts'`.execute(d.db.kysely);
    expect(fn.rows).toHaveLength(1);
    expect(fn.rows[0]!.src).toContain(sqlText(ruleMatchSql('s', 'r')));
  });
});
