import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { defaultAgeBands, defaultIndicators, defaultProgramServices, parsePeriod, type ReportQuery } from '@relais/core';
import { compileSql } from '../../db/sql-text.ts';
import { groupingSetsOf, monthSpan, type BaseMeasure, type ServiceMeasure } from './report-plan.ts';
import { caseQuery } from './case-report.sql.ts';
import { liveQuery, personFactsQuery, rollupQuery, type ReportScope, type ReportSqlContext } from './report.sql.ts';
import { writePersonFactsFunction } from './person-facts.sql.ts';

/**
 * The SQL of the report queries, under review (STYLE §12): each builder's text for typical
 * reports is kept, one named snapshot a query, in `__snapshots__/report.sql.test.ts.snap`. A change
 * of a report's meaning shows there as one diff; accept it with `npx vitest run -u` once it is the
 * intended one.
 */

const ORG = '00000000-0000-4000-8000-00000000000a';
const scoped: ReportScope = [
  { path: '/r00t/reg1/', programs: ['prev_ps'] },
  { path: '/r00t/reg2/sec3/', programs: null },
];

function context(q: Partial<ReportQuery>, scope: ReportScope = 'organisation'): ReportSqlContext {
  const query: ReportQuery = { program: 'prev_ps', period: '2024', indicators: ['reached'], by: [], grain: 'month', filters: {}, ...q };
  return { organisationId: ORG, scope, q: query, period: parsePeriod(query.period)!, program: defaultProgramServices.prev_ps, bands: defaultAgeBands };
}

const measureOf = (code: string) => {
  const measure = defaultIndicators.find((i) => i.code === code)!.measure;
  if (measure.kind === 'ratio' || measure.kind === 'count_cases') throw new Error(`${code} is not a measure over services`);
  return measure as ServiceMeasure;
};
const caseMeasureOf = (code: string) => {
  const measure = defaultIndicators.find((i) => i.code === code)!.measure;
  if (measure.kind !== 'count_cases') throw new Error(`${code} is not a case measure`);
  return measure;
};

/** The compiled query as a reviewer reads it: a title, the parameters, the text without blank lines. */
function forReview(title: string, query: Parameters<typeof compileSql>[0]): string {
  const compiled = compileSql(query);
  const text = compiled.sql
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .join('\n');
  return `-- ${title}\n-- parameters: ${JSON.stringify(compiled.parameters)}\n${text}\n`;
}

describe('report queries under review (SQL snapshots)', () => {
  it('live: distinct persons by unit at a level and age band, in a reader’s scope', () => {
    const ctx = context({ by: ['org_unit', 'age_band'], orgUnitLevel: 'section' }, scoped);
    expect(forReview('reached by org_unit (section), age_band; scoped reader', liveQuery(ctx, measureOf('reached'), ['org_unit', 'age_band']))).toMatchSnapshot('live-reached-by-unit-age');
  });

  it('live: returned (at the premises, among the reached)', () => {
    const ctx = context({ indicators: ['returned'] }, scoped);
    expect(forReview('returned, total', liveQuery(ctx, measureOf('returned'), []))).toMatchSnapshot('live-returned');
  });

  it('live: persons with the whole paquet minimum, by population', () => {
    const ctx = context({ indicators: ['persons_full_paquet'], by: ['population'] });
    expect(forReview('persons_full_paquet by population', liveQuery(ctx, measureOf('persons_full_paquet'), ['population']))).toMatchSnapshot('live-full-paquet-by-population');
  });

  it('live: a sum over distinct services, by population and site, with filters', () => {
    const ctx = context({ indicators: ['condoms_distributed'], by: ['population', 'site'], filters: { worker: ['ep1'], sex: ['F'] } });
    expect(forReview('condoms_distributed by population, site; worker and sex filters', liveQuery(ctx, measureOf('condoms_distributed'), ['population', 'site']))).toMatchSnapshot('live-condoms-by-population-site');
  });

  it('facts: distinct persons by quarter, unit and population over two years', () => {
    const ctx = context({ period: '2023-07-01..2024-06-30', by: ['period', 'org_unit', 'population', 'age_band'], grain: 'quarter' }, scoped);
    const span = monthSpan('2023-07-01', '2024-06-30')!;
    expect(forReview('reached (slot 0) by period (quarter), org_unit, population, age_band; two years', personFactsQuery(ctx, span, groupingSetsOf(ctx.q.by), 0, null))).toMatchSnapshot('facts-reached-by-period-unit-population');
  });

  it('facts: returned among the reached, by sex and age band in one year, with a filter', () => {
    const ctx = context({ indicators: ['returned'], by: ['sex', 'age_band'], filters: { age_band: ['<25'] } });
    const span = monthSpan('2024-01-01', '2024-12-31')!;
    expect(forReview('returned (slot 5, reach slot 0) by sex, age_band; age_band <25', personFactsQuery(ctx, span, groupingSetsOf(ctx.q.by), 5, 0))).toMatchSnapshot('facts-returned-by-sex-age');
  });

  it('roll-up: tests performed by site and worker, with a filter', () => {
    const ctx = context({ indicators: ['tests_performed'], by: ['site', 'worker'], filters: { strategy: ['mobile'] } }, scoped);
    const span = monthSpan('2024-01-01', '2024-12-31')!;
    const measure = measureOf('tests_performed') as Extract<BaseMeasure, { kind: 'count_services' }>;
    expect(forReview('tests_performed by site, worker; strategy mobile', rollupQuery(ctx, span, groupingSetsOf(ctx.q.by), measure))).toMatchSnapshot('rollup-tests-by-site-worker');
  });

  it('live: persons served in a case, within 72 h of the incident, by violence family; external export', () => {
    const ctx = { ...context({ program: 'gbv', indicators: ['pep_within_72h'], by: ['violence_family'] }, scoped), external: true };
    expect(forReview('pep_within_72h by violence_family; external (consent only); scoped reader', liveQuery(ctx, measureOf('pep_within_72h'), ['violence_family']))).toMatchSnapshot('live-pep-within-72h-by-family');
  });

  it('cases: cases opened by semester and violence type', () => {
    const ctx = context({ program: 'gbv', indicators: ['cases_opened'], by: ['period', 'violence_type'], grain: 'semester' }, scoped);
    expect(forReview('cases_opened by period (semester), violence_type; scoped reader', caseQuery(ctx, caseMeasureOf('cases_opened'), ['period', 'violence_type']))).toMatchSnapshot('cases-opened-by-period-type');
  });

  it('cases: retained (open at the start, a contact in the period) and lost to follow-up, by unit; external export', () => {
    const ctx = { ...context({ program: 'gbv', indicators: ['cases_retained', 'lost_to_follow_up'], by: ['org_unit'] }), external: true };
    expect(forReview('cases_retained by org_unit; external (consent only)', caseQuery(ctx, caseMeasureOf('cases_retained'), ['org_unit']))).toMatchSnapshot('cases-retained-by-unit');
    expect(forReview('lost_to_follow_up, total; external (consent only)', caseQuery(ctx, caseMeasureOf('lost_to_follow_up'), []))).toMatchSnapshot('cases-lost-to-follow-up');
  });

  it('the person facts’ database function, as the migration installs it', () => {
    expect(forReview('relais_write_person_facts (installed by migration 20261201T0845)', sql.raw(writePersonFactsFunction()))).toMatchSnapshot('person-facts-function');
  });
});
