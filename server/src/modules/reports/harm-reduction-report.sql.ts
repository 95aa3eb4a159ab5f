import { sql, type RawBuilder } from 'kysely';
import { EMPLOYED_AFTER_MONTHS, harmReductionMeasureDimensions, lowThresholdServices, placementSteps, type HarmReductionStat, type ReportDimension } from '@relais/core';
import type { BaseMeasure } from './report-plan.ts';
import { itemsQuery, type ReportSqlContext } from './report.sql.ts';

/**
 * The SQL of harm-reduction statistics (`harm_reduction_stat`, docs/indicators.md "Harm
 * reduction", ADR 0029), read live (small volumes). Items: columns k, on_date, org_unit_id,
 * program, site, service and v (what the item adds). The exchange and the low-threshold services
 * are the identified services and the anonymous tallies together; the OST statistics read the
 * register: the days each person was on OST (up to today; the days expected up to yesterday), the
 * first entries and the re-entries, the 6- and 12-month cohorts of first entries and those on OST
 * on that day, the dose in force each day, the days no dose covered; insertion (ADR 0033) reads the
 * pathways' steps: trainings completed (on their last day), placements (a job or self-employment,
 * on their first day), and the placements of 6 months ago with whether she is at work that day.
 */

type HarmReductionMeasure = Extract<BaseMeasure, { kind: 'harm_reduction_stat' }>;

/** Identified services of these codes and anonymous tally lines of them, each adding `v`. */
function servicesAndTallies(ctx: ReportSqlContext, services: readonly string[], v: { identified: RawBuilder<unknown>; anonymous: RawBuilder<unknown> }): RawBuilder<unknown> {
  const { organisationId: org, period } = ctx;
  const from = (table: 'service_event' | 'anonymous_service', value: RawBuilder<unknown>) => sql`
    select s.id::text as k, s.service_date as on_date, s.org_unit_id, s.program, site.code as site, s.service, ${value} as v
    from ${sql.table(table)} s
    left join org_unit site on site.organisation_id = s.organisation_id and site.id = s.site_id
    where s.organisation_id = ${org} and s.deleted_at is null and s.service = any(${[...services]}::text[])
      and s.service_date between ${period.from}::date and ${period.to}::date`;
  return sql`${from('service_event', v.identified)} union all ${from('anonymous_service', v.anonymous)}`;
}

/** Each day of each episode within the period, up to `last` (the day it ended is not on OST). */
function episodeDays(ctx: ReportSqlContext, last: RawBuilder<unknown>): RawBuilder<unknown> {
  const { organisationId: org, period } = ctx;
  return sql`
    select e.id as episode_id, e.beneficiary_id, e.org_unit_id, d::date as on_date
    from ost_episode e
    cross join lateral generate_series(greatest(e.start_date, ${period.from}::date)::timestamp,
      least(coalesce(e.end_date - 1, ${period.to}::date), ${period.to}::date, ${last})::timestamp, interval '1 day') as d
    where e.organisation_id = ${org} and e.start_date <= ${period.to}::date and (e.end_date is null or e.end_date > ${period.from}::date)`;
}

/** Register items (OST, insertion): a row as an item of the harm-reduction program, no site nor service. */
const ostItem = (k: RawBuilder<unknown>, v: RawBuilder<unknown> = sql`1`) =>
  sql`${k}::text as k, x.on_date, x.org_unit_id, 'harm_reduction'::text as program, ''::text as site, ''::text as service, ${v} as v`;

/** An episode of the same person that ended by the start of `e` (episodes never overlap: a re-entry starts on or after the last end, the same day included). */
const earlierEpisode = sql`select 1 from ost_episode p where p.organisation_id = e.organisation_id and p.beneficiary_id = e.beneficiary_id and p.id <> e.id and p.end_date <= e.start_date`;

/** First entries (the person's earliest episode) starting in the period, with the day `months` months later. */
function firstEntries(ctx: ReportSqlContext, months: number): RawBuilder<unknown> {
  const { organisationId: org, period } = ctx;
  return sql`
    select e.id as episode_id, e.beneficiary_id, e.org_unit_id, e.start_date as on_date, (e.start_date + make_interval(months => ${months}::int))::date as mark
    from ost_episode e
    where e.organisation_id = ${org} and e.start_date between ${period.from}::date and ${period.to}::date
      and not exists (${earlierEpisode})`;
}

/** Steps of insertion pathways (not deleted) with `on_date` the day they count on. */
function insertionSteps(ctx: ReportSqlContext, where: RawBuilder<unknown>, onDate: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select s.id, s.beneficiary_id, s.org_unit_id, ${onDate} as on_date, (s.start_date + make_interval(months => ${EMPLOYED_AFTER_MONTHS}::int))::date as mark
    from insertion_step s where s.organisation_id = ${ctx.organisationId} and s.deleted_at is null and ${where} and ${onDate} between ${ctx.period.from}::date and ${ctx.period.to}::date`;
}
const isPlacement = sql`s.kind = any(${[...placementSteps]}::text[])`;

function itemsOf(ctx: ReportSqlContext, stat: HarmReductionStat): RawBuilder<unknown> {
  const org = ctx.organisationId;
  switch (stat) {
    case 'kits_given':
    case 'syringes_returned':
      return servicesAndTallies(ctx, [stat === 'kits_given' ? 'syringe_kits' : 'syringes_returned'], { identified: sql`s.quantity`, anonymous: sql`s.quantity` });
    case 'low_threshold':
      return servicesAndTallies(ctx, lowThresholdServices, { identified: sql`1`, anonymous: sql`s.count` });
    case 'anonymous_contacts':
      // At least as many people as the tally's largest line: a person given a kit and a shower is one contact.
      return sql`
        select min(s.id::text) as k, s.service_date as on_date, s.org_unit_id, s.program, min(site.code) as site, ''::text as service, max(s.count) as v
        from anonymous_service s
        left join org_unit site on site.organisation_id = s.organisation_id and site.id = s.site_id
        where s.organisation_id = ${org} and s.deleted_at is null and s.service_date between ${ctx.period.from}::date and ${ctx.period.to}::date
        group by s.tally_id, s.service_date, s.org_unit_id, s.program`;
    case 'ost_persons':
      return sql`select ${ostItem(sql`x.beneficiary_id`)} from (${episodeDays(ctx, sql`current_date`)}) as x`;
    case 'ost_days_expected':
    case 'ost_days_missed':
      return sql`select ${ostItem(sql`x.episode_id::text || x.on_date::text`)} from (${episodeDays(ctx, sql`current_date - 1`)}) as x
        ${
          stat === 'ost_days_missed'
            ? sql`where not exists (select 1 from ost_dispensing p where p.organisation_id = ${org} and p.episode_id = x.episode_id and p.kind <> 'missed'
                and p.dispensed_on <= x.on_date and p.dispensed_on + p.days > x.on_date)`
            : sql``
        }`;
    case 'ost_mean_dose':
      return sql`select ${ostItem(
        sql`x.episode_id::text || x.on_date::text`,
        sql`(select d.dose_mg from ost_dose d where d.organisation_id = ${org} and d.episode_id = x.episode_id and d.from_date <= x.on_date order by d.from_date desc limit 1)`,
      )} from (${episodeDays(ctx, sql`current_date`)}) as x`;
    case 'ost_new':
      return sql`select ${ostItem(sql`x.beneficiary_id`)} from (${firstEntries(ctx, 0)}) as x`;
    case 'ost_reentries':
      return sql`select ${ostItem(sql`x.id`)} from (select e.id, e.org_unit_id, e.start_date as on_date from ost_episode e
        where e.organisation_id = ${org} and e.start_date between ${ctx.period.from}::date and ${ctx.period.to}::date
          and exists (${earlierEpisode})) as x`;
    case 'ost_cohort_6m':
    case 'ost_cohort_12m':
    case 'ost_retained_6m':
    case 'ost_retained_12m': {
      const months = stat.endsWith('12m') ? 12 : 6;
      const retained = stat.startsWith('ost_retained')
        ? sql`and exists (select 1 from ost_episode r where r.organisation_id = ${org} and r.beneficiary_id = x.beneficiary_id and r.start_date <= x.mark and (r.end_date is null or r.end_date > x.mark))`
        : sql``;
      return sql`select ${ostItem(sql`x.beneficiary_id`)} from (${firstEntries(ctx, months)}) as x where x.mark <= current_date ${retained}`;
    }
    case 'insertion_trained':
      return sql`select ${ostItem(sql`x.beneficiary_id`)} from (${insertionSteps(ctx, sql`s.kind = 'training' and s.completed`, sql`s.end_date`)}) as x`;
    case 'insertion_placed':
      return sql`select ${ostItem(sql`x.beneficiary_id`)} from (${insertionSteps(ctx, isPlacement, sql`s.start_date`)}) as x`;
    case 'insertion_cohort_6m':
    case 'insertion_employed_6m': {
      const employed =
        stat === 'insertion_employed_6m'
          ? sql`and exists (select 1 from insertion_step r where r.organisation_id = ${org} and r.beneficiary_id = x.beneficiary_id and r.deleted_at is null
              and r.kind = any(${[...placementSteps]}::text[]) and r.start_date <= x.mark and (r.end_date is null or r.end_date >= x.mark))`
          : sql``;
      return sql`select ${ostItem(sql`x.beneficiary_id`)} from (${insertionSteps(ctx, isPlacement, sql`s.start_date`)}) as x where x.mark <= current_date ${employed}`;
    }
  }
}

/** Values of one harm-reduction statistic for one grouping set: rows of `d<i>` columns and `value`. */
export function harmReductionQuery(ctx: ReportSqlContext, measure: HarmReductionMeasure, dims: readonly ReportDimension[]): RawBuilder<Record<string, string | number>> {
  const { stat } = measure;
  const summed = stat === 'kits_given' || stat === 'syringes_returned' || stat === 'low_threshold' || stat === 'anonymous_contacts';
  const value = stat === 'ost_mean_dose' ? sql`avg(v)::float8` : summed ? sql`coalesce(sum(v), 0)::float8` : sql`count(distinct k)::float8`;
  return itemsQuery(ctx, itemsOf(ctx, stat), dims, { own: harmReductionMeasureDimensions, carry: ['k', 'v'], value, onlyWithItems: stat === 'ost_mean_dose' });
}
