import { sql, type RawBuilder } from 'kysely';
import { OUTREACH_SERVICE, PREMISES_STRATEGY, filterFields, type ServiceFilter } from '@relais/core';

/**
 * The one compiler of service filters to SQL (the rules are core's `matchesServiceFilter` and
 * `isAtPremises`; `service-filter.db.test.ts` checks case by case that both say the same).
 * The report engine compiles an indicator's filter with its values; the person facts' function
 * compiles the same match against the columns of a `report_rule` row (`person-facts.sql.ts`).
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
export function serviceFilterParts(s: string, filter: ServiceFilter, reach: readonly string[]): RawBuilder<unknown>[] {
  const services = filter.services === 'reach' ? reach : (filter.services ?? null);
  return matchParts(
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
}

/** An indicator's filter on the service under alias `s`, as one condition (see serviceFilterParts). */
export function serviceFilterSql(s: string, filter: ServiceFilter, reach: readonly string[]): RawBuilder<boolean> {
  return allOf(serviceFilterParts(s, filter, reach));
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
