// Synthetic organisation data, generated in the database (generate_series: fast, deterministic):
// persons and their services, the same rows on both engines, for `relais demo`. The columns'
// formulas are the reports bench's (scripts/bench-reports.ts), parameterised by day range and
// codes; the bench still has its own copy (to merge: one generator for both). Never real data.
import { sql } from 'kysely';
import type { Queryable } from '../db/index.ts';
import { rebuildReportFacts } from '../modules/reports/index.ts';

/** How much to generate, and over which days. */
export interface SyntheticShape {
  persons: number;
  services: number;
  /** Number of sections the persons are spread over. */
  sections: number;
  /** First day of the services (YYYY-MM-DD), and how many days they span. */
  firstDay: string;
  days: number;
  /**
   * `sequential`: codes P1, P2… (any number of persons); `scheme`: codes of the default scheme
   * (mother, father, birth year, sex: `FAMO1985F`), unique up to 14,400 persons.
   */
  codes: 'sequential' | 'scheme';
}

// Two-letter starts of first names, for the default scheme's codes.
const mothers = ['FA', 'KH', 'AI', 'ZI', 'SA', 'NA', 'MA', 'HA', 'LA', 'SO', 'IM', 'RA', 'BO', 'HO', 'MI', 'YA', 'SI', 'NO', 'GH', 'WA'];
const fathers = ['MO', 'AH', 'HA', 'AB', 'MU', 'YO', 'OM', 'RA', 'KA', 'SA', 'BR', 'DR', 'ID', 'AL', 'HM', 'TA', 'JA', 'NO', 'IS', 'LA'];
const schemeCapacity = 400 * 36;

/** SQL expressions (PostgreSQL and DuckDB alike) of person i's columns (1-based). */
export function personColumns(i: string, shape: Pick<SyntheticShape, 'sections' | 'codes'>) {
  const sex = `(case when ${i}::bigint % 10 < 7 then 'F' when ${i}::bigint % 10 < 9 then 'M' else 'X' end)`;
  // In scheme mode (i mod 400, birth year) is one person: the codes cannot collide.
  const birthYear = shape.codes === 'scheme' ? `(1970 + ((${i}::bigint / 400) + (${i}::bigint % 400) * 7) % 36)` : `(1960 + (${i}::bigint * 7919) % 46)`;
  const code =
    shape.codes === 'scheme'
      ? `((array['${mothers.join("','")}'])[1 + ${i}::bigint % 20] || (array['${fathers.join("','")}'])[1 + (${i}::bigint / 20) % 20] || ${birthYear}::text || (case ${sex} when 'X' then 'T' else ${sex} end))`
      : `('P' || ${i}::text)`;
  return {
    section: `(${i}::bigint % ${shape.sections})`,
    sex,
    birthYear,
    code,
    // Odd persons are served by prev_hsh (men who have sex with men), even ones by prev_ps.
    population: `(case when ${i}::bigint % 2 = 0 then 'PS' else 'HSH' end)`,
  };
}

/** SQL expressions of service j's columns (1-based); `person` is the expression of its person's number. */
export function serviceColumns(j: string, person: string, shape: Pick<SyntheticShape, 'persons' | 'firstDay' | 'days'>) {
  return {
    person: `(1 + ((${j}::bigint * 2654435761) % ${shape.persons}))`,
    date: `(date '${shape.firstDay}' + ((${j}::bigint * 40503) % ${shape.days})::int)`,
    program: `(case when ${person} % 2 = 0 then 'prev_ps' else 'prev_hsh' end)`,
    service: `(case ${j}::bigint % 10 when 0 then 'outreach_contact' when 1 then 'outreach_contact' when 2 then 'outreach_contact' when 3 then 'outreach_contact'
    when 4 then 'condoms' when 5 then 'condoms' when 6 then 'iec_session' when 7 then 'lubricant' when 8 then 'hiv_test' else 'syphilis_test' end)`,
    quantity: `(case when ${j}::bigint % 10 in (4, 5, 7) then 1 + ${j}::bigint % 50 else null end)`,
    result: `(case when ${j}::bigint % 10 in (8, 9) then (case when ${j}::bigint % 50 = 8 then 'positive' else 'negative' end) else null end)`,
    strategy: `(case when ${j}::bigint % 10 = 8 then (case when ${j}::bigint % 4 < 2 then 'fixed' else 'mobile' end) else null end)`,
    modality: `(case when ${j}::bigint % 10 < 4 then 'in_person' else null end)`,
  };
}

/** A version-4-shaped uuid derived from a SQL text expression (valid for the API's uuid checks, stable across runs). */
function uuidOf(textExpr: string): string {
  return `overlay(overlay(md5(${textExpr}) placing '4' from 13) placing '8' from 17)::uuid`;
}

/** Where the generated rows go: the organisation, its sections (one id per section) and who did the work. */
export interface SyntheticTarget {
  organisationId: string;
  sectionIds: readonly string[];
  /** Who registered the persons and served them: the workers take the sections in turn (one per section when as many). */
  workerIds: readonly string[];
}

/**
 * Inserts the persons (with their section) and their services, then rebuilds the report facts
 * once (the path a restore takes; the per-write triggers are off while loading, as a bulk load
 * by an operator would have them). Returns the seconds each part took.
 */
export async function generateSyntheticData(db: Queryable, target: SyntheticTarget, shape: SyntheticShape, onProgress: (line: string) => void = () => undefined): Promise<{ loadSeconds: number; rebuildSeconds: number }> {
  if (target.sectionIds.length !== shape.sections) throw new Error(`${shape.sections} sections expected, ${target.sectionIds.length} given`);
  if (shape.codes === 'scheme' && shape.persons > schemeCapacity) throw new Error(`scheme codes are unique up to ${schemeCapacity} persons`);
  const o = target.organisationId;
  const sections = sql`${[...target.sectionIds]}::uuid[]`;
  const workers = sql`${[...target.workerIds]}::uuid[]`;
  const nWorkers = target.workerIds.length;
  const p = personColumns('i', shape);
  const firstDay = sql`${shape.firstDay}::date`;
  const lastDay = sql`(${shape.firstDay}::date + ${shape.days - 1}::int)`;
  const t0 = performance.now();
  for (let from = 1; from <= shape.persons; from += 200_000) {
    const to = Math.min(shape.persons, from + 199_999);
    await sql`
      insert into beneficiary (organisation_id, id, code, populations, sex, birth_year, registered_unit_id, registered_on, registered_by, last_seen_on)
      select ${o}::uuid, ${sql.raw(uuidOf("'p' || i"))}, ${sql.raw(p.code)}, array[${sql.raw(p.population)}], ${sql.raw(p.sex)}, ${sql.raw(p.birthYear)},
        (${sections})[1 + ${sql.raw(p.section)}], ${firstDay}, (${workers})[1 + ${sql.raw(p.section)} % ${nWorkers}], ${lastDay}
      from generate_series(${from}::int, ${to}::int) as i`.execute(db);
    await sql`
      insert into beneficiary_unit (organisation_id, beneficiary_id, org_unit_id, since, via)
      select ${o}::uuid, ${sql.raw(uuidOf("'p' || i"))}, (${sections})[1 + ${sql.raw(p.section)}], ${firstDay}, 'registered'
      from generate_series(${from}::int, ${to}::int) as i`.execute(db);
  }
  const c = serviceColumns('j', `(1 + ((j::bigint * 2654435761) % ${shape.persons}))`, shape);
  await sql`alter table service_event disable trigger service_event_report_insert`.execute(db);
  for (let from = 1; from <= shape.services; from += 500_000) {
    const to = Math.min(shape.services, from + 499_999);
    await sql`
      insert into service_event (organisation_id, id, contact_id, beneficiary_id, service_date, worker_id, org_unit_id, program, service, quantity, result, strategy, modality, created_by)
      select ${o}::uuid, ${sql.raw(uuidOf("'s' || j"))}, ${sql.raw(uuidOf("'c' || j"))}, ${sql.raw(uuidOf(`'p' || ${c.person}`))}, ${sql.raw(c.date)}, (${workers})[1 + (${sql.raw(c.person)} % ${shape.sections}) % ${nWorkers}],
        (${sections})[1 + (${sql.raw(c.person)} % ${shape.sections})], ${sql.raw(c.program)}, ${sql.raw(c.service)}, ${sql.raw(c.quantity)}, ${sql.raw(c.result)},
        ${sql.raw(c.strategy)}, ${sql.raw(c.modality)}, (${workers})[1 + (${sql.raw(c.person)} % ${shape.sections}) % ${nWorkers}]
      from generate_series(${from}::int, ${to}::int) as j`.execute(db);
    onProgress(`  services ${to}/${shape.services}`);
  }
  await sql`alter table service_event enable trigger service_event_report_insert`.execute(db);
  const loadSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const t1 = performance.now();
  await db.transaction().execute((trx) => rebuildReportFacts(trx, o));
  const rebuildSeconds = Math.round((performance.now() - t1) / 100) / 10;
  onProgress(`  facts rebuilt in ${rebuildSeconds} s`);
  await sql`analyze`.execute(db);
  return { loadSeconds, rebuildSeconds };
}
