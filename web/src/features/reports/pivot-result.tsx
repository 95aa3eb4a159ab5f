import { sortDimensionValues, subPeriodsOf, type OrgUnit, type ReportDimension } from '@relais/core';
import type { ReportRequest } from '../../api/endpoints.ts';
import type { IndicatorInfo } from '../../api/indicators.ts';
import { useCan } from '../../app/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PivotChart, type ChartKind, type PivotGrid } from './pivot-chart.tsx';
import { dimensionLabel, dimensionValueLabel, indicatorLabel, numberFormats, periodLabel, type UnitNames } from './report-labels.ts';
import { ALL, drillTargetOf, isRatio, type DrillTarget, type ReportIndex } from './report-model.ts';
import { ReportValue } from './report-value.tsx';

/** One matrix (and chart) per indicator of the query. */
export function PivotResult({ query, index, indicators, unitNames, unitsByCode, chart, onDrill }: {
  query: ReportRequest;
  index: ReportIndex;
  indicators: readonly IndicatorInfo[];
  unitNames: UnitNames;
  unitsByCode: ReadonlyMap<string, OrgUnit>;
  chart: ChartKind;
  onDrill: (target: DrillTarget, text: string) => void;
}) {
  const i18n = useI18n();
  const [rowsDim, colsDim = null] = query.by as [ReportDimension, ReportDimension?];
  // A time axis has no holes: every sub-period of the period (up to today), with or without data.
  const valuesOf = (dim: ReportDimension) => (dim === 'period' ? [...new Set([...(subPeriodsOf(query.period, query.grain) ?? []), ...index.values(dim)])] : index.values(dim));
  const sorted = (dim: ReportDimension) => sortDimensionValues(dim, valuesOf(dim), (v) => dimensionValueLabel(i18n, dim, v, unitNames), i18n.locale);
  const rowValues = sorted(rowsDim);
  const colValues = colsDim ? sorted(colsDim) : [];
  const gridOf = (indicator: string): PivotGrid => ({ index, indicator, ratio: isRatio(indicators, indicator), rowsDim, colsDim, rowValues, colValues, unitNames });
  return (
    <>
      {query.indicators.map((code) => (
        <section key={code} className="pivot-result" aria-labelledby={`pivot-${code}`}>
          <h2 id={`pivot-${code}`} className="section-title">
            {indicatorLabel(i18n, code)}
          </h2>
          <PivotMatrix query={query} onDrill={onDrill} {...gridOf(code)} />
          {chart !== 'none' ? <PivotChart kind={chart} unitsByCode={unitsByCode} {...gridOf(code)} /> : null}
        </section>
      ))}
    </>
  );
}

function PivotMatrix({ query, index, indicator, ratio, rowsDim, colsDim, rowValues, colValues, unitNames, onDrill }: PivotGrid & {
  query: ReportRequest;
  onDrill: (target: DrillTarget, text: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const canDrill = useCan('person.read');
  const formats = numberFormats(i18n.locale);
  const label = indicatorLabel(i18n, indicator);
  const valueLabel = (dim: ReportDimension, v: string) => dimensionValueLabel(i18n, dim, v, unitNames);
  const withTargets = !colsDim && index.hasTargets(indicator);
  const period = periodLabel(i18n, query.period);
  const caption = colsDim
    ? t('pivot.caption', { indicator: label, rows: dimensionLabel(i18n, rowsDim), columns: dimensionLabel(i18n, colsDim) })
    : t('pivot.captionOne', { indicator: label, rows: dimensionLabel(i18n, rowsDim) });

  const cell = (r: string, c: string | null) => {
    const values: Partial<Record<ReportDimension, string>> = { [rowsDim]: r };
    if (colsDim && c !== null) values[colsDim] = c;
    const row = index.get(indicator, values);
    const target = canDrill ? drillTargetOf(query, indicator, values) : null;
    const inPeriod = (rowsDim === 'period' && r !== ALL) || (colsDim === 'period' && c !== null && c !== ALL);
    const words = [label, r === ALL ? null : valueLabel(rowsDim, r), colsDim && c !== null && c !== ALL ? valueLabel(colsDim, c) : null, inPeriod ? null : period]
      .filter(Boolean)
      .join(t('reports.separator'));
    return (
      <ReportValue
        row={row}
        ratio={ratio}
        formats={formats}
        drillLabel={words}
        onDrill={target ? () => onDrill(target, `${formats.value(row?.value ?? 0, ratio)} — ${words}`) : undefined}
      />
    );
  };
  const targetCells = (r: string) => {
    const row = index.get(indicator, { [rowsDim]: r });
    return [
      <td key="target" className="num">
        {row && row.target !== null ? formats.value(row.target, ratio) : '—'}
      </td>,
      <td key="gap" className="num">
        {row && row.gap !== null ? formats.value(row.gap, ratio) : '—'}
      </td>,
      <td key="achievement" className="num">
        {row && row.achievement !== null ? formats.percent(row.achievement) : '—'}
      </td>,
    ];
  };

  return (
    <div className="report-block">
      <p className="report-caption" aria-hidden="true">
        {caption} — {period}
      </p>
      <div className="table-wrap report-wrap">
        <table className="report-table">
          <caption className="visually-hidden">
            {caption} — {period}
          </caption>
          <thead>
            <tr>
              <th scope="col">{dimensionLabel(i18n, rowsDim)}</th>
              {colsDim ? (
                [...colValues, ALL].map((c) => (
                  <th key={c} scope="col" className="num">
                    <bdi>{valueLabel(colsDim, c)}</bdi>
                  </th>
                ))
              ) : (
                <th scope="col" className="num">
                  {t('report.value')}
                </th>
              )}
              {withTargets ? (
                <>
                  <th scope="col" className="num">
                    {t('report.target')}
                  </th>
                  <th scope="col" className="num">
                    {t('report.gap')}
                  </th>
                  <th scope="col" className="num">
                    {t('reports.achievement')}
                  </th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rowValues.length === 0 ? (
              <tr>
                <td colSpan={2 + colValues.length + (withTargets ? 3 : 0)} className="table-empty">
                  {t('reports.noData')}
                </td>
              </tr>
            ) : null}
            {[...rowValues, ALL].map((r) => (
              <tr key={r} className={r === ALL ? 'report-total-row' : undefined}>
                <th scope="row">
                  <bdi>{valueLabel(rowsDim, r)}</bdi>
                </th>
                {colsDim ? (
                  [...colValues, ALL].map((c) => (
                    <td key={c} className={c === ALL ? 'num report-total' : 'num'}>
                      {cell(r, c)}
                    </td>
                  ))
                ) : (
                  <td className="num">{cell(r, null)}</td>
                )}
                {withTargets ? targetCells(r) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
