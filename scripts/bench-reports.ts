// Reports bench (issue: live reports at national scale).
// Generates RELAIS_BENCH_REPORT_PERSONS (default 1,000,000) persons and RELAIS_BENCH_REPORT_SERVICES
// (default 10,000,000) services over five years (2021–2025) and fifty sections, deterministically
// (the same rows in every engine), then times through the report engine, cold (first run after
// opening) and warm:
//  (a) the annual performance framework of prev_ps by section × age band × sex (reached,
//      tested_known_result, positive: distinct counts with every total);
//  (b) a pivot of services by month × service type.
// The same two computations in DuckDB on the same data are the physical-limit reference.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { ReportQuery } from '@relais/core';
import type { Db } from '../server/src/db/index.ts';
import { createOrganisation } from '../server/src/modules/setup/index.ts';
import { createReportEngine, rebuildReportFacts, buildPendingFacts } from '../server/src/modules/reports/index.ts';
import { personColumns as syntheticPersonColumns, serviceColumns as syntheticServiceColumns } from '../server/src/demo/synthetic.ts';
import { onEachEngine } from './bench-engines.ts';

const PERSONS = Number(process.env.RELAIS_BENCH_REPORT_PERSONS ?? 1_000_000);
const SERVICES = Number(process.env.RELAIS_BENCH_REPORT_SERVICES ?? 10_000_000);
const SECTIONS = 50;

/** Deterministic columns of service j and person i (1-based), the demo generator's, for PostgreSQL and DuckDB alike: five years from 2021. */
const serviceColumns = (j: string, person: string, persons = PERSONS) => syntheticServiceColumns(j, person, { persons, firstDay: '2021-01-01', days: 1826 });
const personColumns = (i: string, sections = SECTIONS) => syntheticPersonColumns(i, { sections, codes: 'sequential' });

/** Sizes of a generated organisation (persons, services over 2021–2025, sections). */
export interface BenchSizes {
  persons: number;
  services: number;
  sections: number;
}

/**
 * Generates an organisation of the given size in SQL, deterministically (the same rows on every
 * engine): sections `S<s>` (id from md5('u'||s), see `md5Uuid` in bench-load.ts), persons `md5('p'||i)` of section i % sections with a
 * valid code of the default scheme (see `benchCode`), services `md5('s'||j)` over 2021–2025.
 * Also used by the load bench.
 */
export async function generateBenchData(db: Db, sizes: BenchSizes = { persons: PERSONS, services: SERVICES, sections: SECTIONS }) {
  const org = await db.kysely.transaction().execute((trx) =>
    createOrganisation(trx, { organisation: { code: 'BENCH', name: 'Bench' }, admin: { username: 'admin', displayName: 'Admin', password: 'synthetic passphrase 41' }, locale: 'fr' }),
  );
  const o = org.organisationId;
  const root = await db.kysely.selectFrom('org_unit').select('path').where('id', '=', org.rootUnitId).executeTakeFirstOrThrow();
  await sql`
    insert into org_unit (organisation_id, id, code, name, level, parent_id, path)
    select ${o}::uuid, overlay(overlay(md5('u' || s) placing '4' from 13) placing '8' from 17)::uuid, 'S' || s, 'Section ' || s, 'section', ${org.rootUnitId}::uuid, ${root.path} || overlay(overlay(md5('u' || s) placing '4' from 13) placing '8' from 17)::uuid::text || '/'
    from generate_series(0, ${sizes.sections - 1}) as s`.execute(db.kysely);
  const p = personColumns('i', sizes.sections);
  const t0 = performance.now();
  for (let from = 1; from <= sizes.persons; from += 200_000) {
    const to = Math.min(sizes.persons, from + 199_999);
    await sql`
      insert into beneficiary (organisation_id, id, code, populations, sex, birth_year, registered_unit_id, registered_on, registered_by, last_seen_on)
      select ${o}::uuid, overlay(overlay(md5('p' || i) placing '4' from 13) placing '8' from 17)::uuid, ${sql.raw(codeSql('i'))}, array['PS'], ${sql.raw(p.sex)}, ${sql.raw(p.birthYear)}, overlay(overlay(md5('u' || ${sql.raw(p.section)}) placing '4' from 13) placing '8' from 17)::uuid,
        date '2021-01-01', ${org.adminId}::uuid, date '2025-12-31'
      from generate_series(${from}::int, ${to}::int) as i`.execute(db.kysely);
    await sql`
      insert into beneficiary_unit (organisation_id, beneficiary_id, org_unit_id, since, via)
      select ${o}::uuid, overlay(overlay(md5('p' || i) placing '4' from 13) placing '8' from 17)::uuid, overlay(overlay(md5('u' || ${sql.raw(p.section)}) placing '4' from 13) placing '8' from 17)::uuid, date '2021-01-01', 'registered'
      from generate_series(${from}::int, ${to}::int) as i`.execute(db.kysely);
  }
  const c = serviceColumns('j', `(1 + ((j::bigint * 2654435761) % ${sizes.persons}))`, sizes.persons);
  // A bulk load as an operator would do it: the report triggers off while loading, then one
  // rebuild of the facts (the path a change of reach or a restore takes), timed on its own.
  // The triggers' cost per write is what `npm run bench -- capture` measures.
  await sql`alter table service_event disable trigger service_event_report_insert`.execute(db.kysely);
  for (let from = 1; from <= sizes.services; from += 500_000) {
    const to = Math.min(sizes.services, from + 499_999);
    await sql`
      insert into service_event (organisation_id, id, contact_id, beneficiary_id, service_date, worker_id, org_unit_id, program, service, quantity, result, strategy, modality, created_by)
      select ${o}::uuid, overlay(overlay(md5('s' || j) placing '4' from 13) placing '8' from 17)::uuid, overlay(overlay(md5('c' || j) placing '4' from 13) placing '8' from 17)::uuid, overlay(overlay(md5('p' || ${sql.raw(c.person)}) placing '4' from 13) placing '8' from 17)::uuid, ${sql.raw(c.date)}, ${org.adminId}::uuid,
        overlay(overlay(md5('u' || (${sql.raw(c.person)} % ${sizes.sections})) placing '4' from 13) placing '8' from 17)::uuid, ${sql.raw(c.program)}, ${sql.raw(c.service)}, ${sql.raw(c.quantity)}, ${sql.raw(c.result)},
        ${sql.raw(c.strategy)}, ${sql.raw(c.modality)}, ${org.adminId}::uuid
      from generate_series(${from}::int, ${to}::int) as j`.execute(db.kysely);
    process.stdout.write(`  services ${to}/${sizes.services}\n`);
  }
  await sql`alter table service_event enable trigger service_event_report_insert`.execute(db.kysely);
  const loadSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const t1 = performance.now();
  await db.kysely.transaction().execute((trx) => rebuildReportFacts(trx, o));
  const rebuildSeconds = Math.round((performance.now() - t1) / 100) / 10;
  process.stdout.write(`  facts rebuilt in ${rebuildSeconds} s\n`);
  await sql`analyze`.execute(db.kysely);
  return { organisationId: o, rootUnitId: org.rootUnitId, adminId: org.adminId, loadSeconds, rebuildSeconds };
}

/** Letters of generated codes: 20 of them, so person i has a code of its own up to 7.36 M persons. */
const codeLetters = 'BCDFGHJKLMNPRSTVZAEI';
/** The code of generated person i in SQL (i a column). */
function codeSql(i: string): string {
  const letter = (div: number) => `substr('${codeLetters}', 1 + ((${i}::bigint / ${div}) % 20)::int, 1)`;
  const sex = `(case when ${i}::bigint % 10 < 7 then 'F' when ${i}::bigint % 10 < 9 then 'M' else 'T' end)`;
  return `(${letter(1)} || ${letter(20)} || ${letter(400)} || ${letter(8000)} || (1960 + (${i}::bigint / 160000) % 46)::text || ${sex})`;
}
/** The same code in TypeScript. */
export function benchCode(i: number): string {
  const letter = (div: number) => codeLetters[Math.floor(i / div) % 20]!;
  const sex = i % 10 < 7 ? 'F' : i % 10 < 9 ? 'M' : 'T';
  return `${letter(1)}${letter(20)}${letter(400)}${letter(8000)}${1960 + (Math.floor(i / 160000) % 46)}${sex}`;
}

const framework: ReportQuery = { program: 'prev_ps', period: '2024', indicators: ['reached', 'tested_known_result', 'positive'], by: ['org_unit', 'age_band', 'sex'], grain: 'month', filters: {} };
const pivot: ReportQuery = { program: 'prev_ps', period: '2024', indicators: ['services_delivered'], by: ['period', 'service'], grain: 'month', filters: {} };

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await work();
  return { ms: Math.round(performance.now() - t0), result };
}

async function measure(engine: 'embedded' | 'postgres', db: Db) {
  console.log(`  ${engine}: generating ${PERSONS} persons and ${SERVICES} services`);
  const { organisationId, loadSeconds, rebuildSeconds } = await generateBenchData(db);
  const reports = createReportEngine(db.kysely);
  const coldFramework = await timed(() => reports.run(organisationId, 'organisation', framework));
  const warmFramework = await timed(() => reports.run(organisationId, 'organisation', framework));
  const coldPivot = await timed(() => reports.run(organisationId, 'organisation', pivot));
  const warmPivot = await timed(() => reports.run(organisationId, 'organisation', pivot));
  const reached = coldFramework.result.find((r) => r.indicator === 'reached' && r.org_unit === '*' && r.age_band === '*' && r.sex === '*')?.value;
  const sizes = await sql<{ table: string; rows: number; mb: number }>`
    select c.relname as table, c.reltuples::bigint as rows, round(pg_total_relation_size(c.oid) / 1048576.0) as mb
    from pg_class c where c.relname in ('service_event', 'report_person_fact', 'report_service_month') order by 1`.execute(db.kysely);
  const out: Record<string, unknown> = {
    loadSeconds,
    factsRebuildSeconds: rebuildSeconds,
    frameworkMs: { cold: coldFramework.ms, warm: warmFramework.ms, cells: coldFramework.result.length, reachedTotal: reached },
    pivotMs: { cold: coldPivot.ms, warm: warmPivot.ms, cells: coldPivot.result.length },
    tables: sizes.rows.map((r) => ({ ...r, rows: Number(r.rows), mb: Number(r.mb) })),
  };
  // A change of one program's reach or paquet minimum: its rules wait for their facts, which the
  // background builder rebuilds chunk by chunk of persons (half of the facts here). A write for
  // a person waits at most for the chunk holding her.
  await sql`update report_rule set ready = false where organisation_id = ${organisationId} and program = 'prev_ps'`.execute(db.kysely);
  const chunks: number[] = [];
  const programRebuild = await timed(() => buildPendingFacts(db.kysely, organisationId, { onChunk: (ms) => chunks.push(ms) }));
  out.programRebuild = { seconds: Math.round(programRebuild.ms / 100) / 10, chunks: chunks.length, longestChunkMs: Math.round(Math.max(...chunks)), done: programRebuild.result };
  // The services themselves (the engine before ADR 0010) give the same cells: checked where it takes seconds, not minutes.
  if (engine === 'postgres' || process.env.RELAIS_BENCH_COMPARE_LIVE === '1') {
    const live = createReportEngine(db.kysely, { source: 'live' });
    const liveFramework = await timed(() => live.run(organisationId, 'organisation', framework));
    const livePivot = await timed(() => live.run(organisationId, 'organisation', pivot));
    out.live = {
      frameworkMs: liveFramework.ms,
      pivotMs: livePivot.ms,
      sameCells: JSON.stringify(liveFramework.result) === JSON.stringify(coldFramework.result) && JSON.stringify(livePivot.result) === JSON.stringify(coldPivot.result),
    };
  }
  return out;
}

/**
 * DuckDB is not a dependency (its lock entries cannot be kept portable here): install it for the
 * reference with `npm i --no-save @duckdb/node-api` before `npm run bench -- reports`.
 */
async function duckdb() {
  const moduleName = '@duckdb/node-api';
  let DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<{ run(q: string): Promise<unknown>; runAndReadAll(q: string): Promise<unknown> }> }> };
  try {
    ({ DuckDBInstance } = (await import(moduleName)) as { DuckDBInstance: typeof DuckDBInstance });
  } catch {
    return { skipped: 'npm i --no-save @duckdb/node-api for the DuckDB reference' };
  }
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const p = personColumns('i');
  const s = serviceColumns('j', `(1 + ((j * 2654435761) % ${PERSONS}))`);
  const t0 = performance.now();
  await c.run(`create table persons as select i as id, ${p.section} as section, ${p.sex} as sex, ${p.birthYear} as birth_year from range(1, ${PERSONS + 1}) t(i)`);
  await c.run(`create table services as select j as id, ${s.person} as person, ${s.date} as service_date, ${s.program} as program, ${s.service} as service,
    ${s.quantity} as quantity, ${s.result} as result from range(1, ${SERVICES + 1}) t(j)`);
  const loadSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const frameworkSql = (filter: string) => `
    with q as (select s.person, p.section, p.sex, p.birth_year, min(s.service_date) over (partition by s.person) as first_date
               from services s join persons p on p.id = s.person
               where s.program = 'prev_ps' and s.service_date between date '2024-01-01' and date '2024-12-31' and ${filter})
    select section, case when year(first_date) - birth_year < 25 then '<25' else '>=25' end as band, sex, count(distinct person)
    from q group by cube(section, band, sex)`;
  const run = async () => {
    for (const f of ["s.service in ('outreach_contact', 'iec_session')", "s.service = 'hiv_test' and s.result in ('negative', 'positive')", "s.service = 'hiv_test' and s.result = 'positive'"]) {
      await c.runAndReadAll(frameworkSql(f));
    }
  };
  const pivotSql = `select strftime(service_date, '%Y-%m') as month, service, count(*) from services
    where program = 'prev_ps' and service_date between date '2024-01-01' and date '2024-12-31' group by cube(month, service)`;
  const f1 = await timed(run);
  const f2 = await timed(run);
  const p1 = await timed(() => c.runAndReadAll(pivotSql));
  const p2 = await timed(() => c.runAndReadAll(pivotSql));
  return { loadSeconds, frameworkMs: { cold: f1.ms, warm: f2.ms }, pivotMs: { cold: p1.ms, warm: p2.ms } };
}

export async function benchReports(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { date: new Date().toISOString(), persons: PERSONS, services: SERVICES, sections: SECTIONS, years: '2021–2025' };
  results.duckdb = await duckdb();
  console.log(`  duckdb: ${JSON.stringify(results.duckdb)}`);
  Object.assign(results, await onEachEngine((engine, db) => measure(engine, db)));
  fs.rmSync(path.join(os.tmpdir(), 'relais-bench-reports'), { recursive: true, force: true });
  return results;
}
