import { sql, type RawBuilder } from 'kysely';
import { CARE_WINDOWS, OUTREACH_SERVICE, PREMISES_STRATEGY, filterFields, type ServiceFilter } from '@relais/core';

/**
 * The one compiler of service filters to SQL (the rules are core's `matchesServiceFilter` and
 * `isAtPremises`; `service-filter.db.test.ts` checks case by case that both say the same).
 * The report engine compiles an indicator's filter with its values; the person facts' function
 * compiles the same match against the columns of a `report_rule` row (`person-facts.sql.ts`).
 * The parts about a service's case (`inCase`, `pepWithin72h`) are the engine's alone: an
 * indicator that reads the case is never given a slot of the facts (`reportSlots`).
 */

/** The `report_rule` column holding each field filter's values. */
const ruleColumns = { services: 'services', result: 'results', kind: 'kinds', strategy: 'strategies', modality: 'modalities' } as const;

/** A part of a filter: fixed values (null: any value), or the column of a rule row holding them (null: any value). */
type Part = { values: readonly string[] | null } | { column: string };

/** At the premises (core `isAtPremises`), for the service under alias `s`. */
export function atPremisesSql(s: string): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${s}.${c}`);
  return sql<boolean>`(${col('site_id')} is null and ${col('service')} <> ${sql.lit(OUTREACH_SERVICE)} and coalesce(${col('strategy')}, ${sql.lit(PREMISES_STRATEGY)}) = ${sql.lit(PREMISES_STRATEGY)})`;
}

/**
 * The case under alias `c` was opened within the post-exposure window of its incident: core
 * `openedWithinPep` in SQL (`rule-sql.db.test.ts` checks both on the boundaries). Time known:
 * 0 to 72 h 00 from the incident to the reception, to the minute; date alone: 0 to 3 whole days.
 */
export function pepWithinSql(c: string): RawBuilder<boolean> {
  const col = (x: string) => sql.ref(`${c}.${x}`);
  const hours = CARE_WINDOWS.pep;
  return sql<boolean>`(${col('incident_on')} is not null and case when ${col('incident_time')} is null
      then ${col('opened_at')}::date - ${col('incident_on')} between 0 and ${sql.lit(hours / 24)}
      else date_trunc('minute', ${col('opened_at')}) - (${col('incident_on')} + date_trunc('minute', ${col('incident_time')})) between interval '0 hours' and ${sql.raw(`interval '${hours} hours'`)} end)`;
}

/** Options of a compiled filter. */
export interface FilterSqlOptions {
  /** External exports (GBVIMS): a service counts through its case only when the case has consent to reporting. */
  consentOnly?: boolean;
}

/** `inCase` / `pepWithin72h` on the service under `s`: its case, of the service's program (and with consent, for external exports). */
function caseParts(s: string, filter: ServiceFilter, options: FilterSqlOptions): RawBuilder<unknown>[] {
  if (!filter.inCase && !filter.pepWithin72h) return [];
  const col = (x: string) => sql.ref(`${s}.${x}`);
  const conditions = [
    sql`c.organisation_id = ${col('organisation_id')}`,
    sql`c.id = ${col('case_id')}`,
    sql`c.program = ${col('program')}`,
    ...(options.consentOnly ? [sql`c.reporting_consent`] : []),
    ...(filter.pepWithin72h ? [pepWithinSql('c')] : []),
  ];
  return [sql`${col('case_id')} is not null`, sql`exists (select 1 from case_file c where ${sql.join(conditions, sql` and `)})`];
}

/** The match of the service under `s`, part by part (none when nothing narrows it). */
function matchParts(s: string, parts: Record<keyof typeof ruleColumns, Part>, atPremises: boolean | { column: string }): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  for (const field of ['services', ...filterFields] as const) {
    const part = parts[field];
    const value = sql.ref(`${s}.${field === 'services' ? 'service' : field}`);
    if ('column' in part) out.push(sql`(${sql.ref(part.column)} is null or ${value} = any(${sql.ref(part.column)}))`);
    else if (part.values) out.push(sql`${value} = any(${[...part.values]}::text[])`);
  }
  if (atPremises === true) out.push(atPremisesSql(s));
  else if (atPremises !== false) out.push(sql`(not ${sql.ref(atPremises.column)} or ${atPremisesSql(s)})`);
  return out;
}

/** Conditions joined by `and`; `true` when there is none. */
export function allOf(parts: readonly RawBuilder<unknown>[]): RawBuilder<boolean> {
  return parts.length ? sql<boolean>`${sql.join([...parts], sql` and `)}` : sql<boolean>`true`;
}

/**
 * The conditions of an indicator's filter on the service under alias `s` (its `amongReached`,
 * about the person, is the caller's). `reach`: the program's reach services, for `services: 'reach'`.
 */
export function serviceFilterParts(s: string, filter: ServiceFilter, reach: readonly string[], options: FilterSqlOptions = {}): RawBuilder<unknown>[] {
  const services = filter.services === 'reach' ? reach : (filter.services ?? null);
  const parts = matchParts(
    s,
    {
      services: { values: services },
      result: { values: filter.result ?? null },
      kind: { values: filter.kind ?? null },
      strategy: { values: filter.strategy ?? null },
      modality: { values: filter.modality ?? null },
    },
    filter.atPremises ?? false,
  );
  if (filter.treated) parts.push(sql`${sql.ref(`${s}.treated`)} = true`);
  return [...parts, ...caseParts(s, filter, options)];
}

/** An indicator's filter on the service under alias `s`, as one condition (see serviceFilterParts). */
export function serviceFilterSql(s: string, filter: ServiceFilter, reach: readonly string[], options: FilterSqlOptions = {}): RawBuilder<boolean> {
  return allOf(serviceFilterParts(s, filter, reach, options));
}

/** The rule of the `report_rule` row under alias `r` on the service under alias `s` (no parameters: it goes into a database function). */
export function ruleMatchSql(s: string, r: string): RawBuilder<boolean> {
  const column = (field: keyof typeof ruleColumns): Part => ({ column: `${r}.${ruleColumns[field]}` });
  return allOf(matchParts(
    s,
    { services: column('services'), result: column('result'), kind: column('kind'), strategy: column('strategy'), modality: column('modality') },
    { column: `${r}.at_premises` },
  ));
}
