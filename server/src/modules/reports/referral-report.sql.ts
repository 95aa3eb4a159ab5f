import { sql, type RawBuilder } from 'kysely';
import { referralMeasureDimensions, type ReferralStat, type ReportDimension } from '@relais/core';
import type { BaseMeasure } from './report-plan.ts';
import { itemsQuery, type ReportSqlContext } from './report.sql.ts';

/**
 * The SQL of referral statistics (`referral_stat`, docs/indicators.md "Referral indicators"), read
 * live from the referrals (small volumes). A cohort by sending date: the referrals the
 * organisation sent in the period (withdrawn ones included: they were sent), and of those the
 * ones accepted (an `accepted` step, whatever came next), delivered (a delivery date), with the
 * person's feedback, satisfied; the median of the days from sending to service of those
 * delivered; `received`: the referrals other organisations sent it in the period, counted at its
 * root unit (the inbox belongs to the organisation, not to a unit).
 */

type ReferralMeasure = Extract<BaseMeasure, { kind: 'referral_stat' }>;

/** The items of one statistic: columns k, on_date, org_unit_id, program, urgency, receiver, sender, service_type, days. */
function itemsOf(ctx: ReportSqlContext, stat: ReferralStat): RawBuilder<unknown> {
  const { organisationId: org, period } = ctx;
  const inPeriod = sql`r.sent_on between ${period.from}::date and ${period.to}::date`;
  const columns = sql`r.id::text as k, r.sent_on as on_date, coalesce(r.program, '') as program, r.urgency,
    coalesce(tor.code, ds.name, '') as receiver, fo.code as sender, coalesce(r.service_type, '') as service_type,
    (r.delivered_on - r.sent_on) as days`;
  const joins = sql`join organisation fo on fo.id = r.organisation_id
    left join organisation tor on tor.id = r.to_organisation_id
    left join directory_service ds on ds.id = r.to_service_id`;
  if (stat === 'received') {
    return sql`
      select ${columns}, (select root.id from org_unit root where root.organisation_id = ${org} and root.parent_id is null order by root.path limit 1) as org_unit_id
      from referral_inbox i
      join referral r on r.organisation_id = i.sender_organisation_id and r.id = i.referral_id
      ${joins}
      where i.organisation_id = ${org} and ${inPeriod}`;
  }
  const which: Record<Exclude<ReferralStat, 'received'>, RawBuilder<unknown>> = {
    sent: sql`true`,
    accepted: sql`exists (select 1 from referral_step st where st.organisation_id = r.organisation_id and st.referral_id = r.id and st.status = 'accepted')`,
    delivered: sql`r.delivered_on is not null`,
    median_days_to_service: sql`r.delivered_on is not null`,
    feedback: sql`exists (select 1 from referral_feedback f where f.organisation_id = r.organisation_id and f.referral_id = r.id)`,
    satisfied: sql`exists (select 1 from referral_feedback f where f.organisation_id = r.organisation_id and f.referral_id = r.id and f.satisfied)`,
  };
  return sql`
    select ${columns}, r.org_unit_id
    from referral r
    ${joins}
    where r.organisation_id = ${org} and ${inPeriod} and ${which[stat]}`;
}

/** Values of one referral statistic for one grouping set: rows of `d<i>` columns and `value`. */
export function referralQuery(ctx: ReportSqlContext, measure: ReferralMeasure, dims: readonly ReportDimension[]): RawBuilder<Record<string, string | number>> {
  const median = measure.stat === 'median_days_to_service';
  const value = median ? sql`percentile_cont(0.5) within group (order by days)::float8` : sql`count(distinct k)::float8`;
  return itemsQuery(ctx, itemsOf(ctx, measure.stat), dims, { own: referralMeasureDimensions, carry: ['k', 'days'], value, onlyWithItems: median });
}
