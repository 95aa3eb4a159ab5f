import type { OrgUnit, ReportDimension } from '@relais/core';
import { Alert, BarChart, LineChart, MapChart, PieChart, type ChartDatum, type LineSeries, type MapPoint } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { dimensionLabel, dimensionValueLabel, indicatorLabel, numberFormats, type UnitNames } from './report-labels.ts';
import { ALL, type ReportIndex } from './report-model.ts';

export type ChartKind = 'none' | 'bar' | 'line' | 'pie' | 'map';

/** Lines drawn at most, besides the total (the others stay in the table). */
const MAX_SERIES = 7;

/** One indicator's grid, as the matrix and the chart both read it. */
export interface PivotGrid {
  index: ReportIndex;
  indicator: string;
  ratio: boolean;
  rowsDim: ReportDimension;
  colsDim: ReportDimension | null;
  rowValues: readonly string[];
  colValues: readonly string[];
  unitNames: UnitNames;
}

/**
 * A chart of one indicator of the pivot: bars of the row totals, lines over time (when the
 * period is a dimension of the pivot), the shares of the rows (not for ratios), or a map of the
 * units of the rows that have coordinates.
 */
export function PivotChart({ kind, index, indicator, ratio, rowsDim, colsDim, rowValues, colValues, unitNames, unitsByCode }: PivotGrid & {
  kind: Exclude<ChartKind, 'none'>;
  unitsByCode: ReadonlyMap<string, OrgUnit>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const formats = numberFormats(i18n.locale);
  const label = indicatorLabel(i18n, indicator);
  const valueLabel = (dim: ReportDimension, v: string) => dimensionValueLabel(i18n, dim, v, unitNames);
  /** A value of the report; null when hidden or without value; 0 for a count with no row. */
  const valueAt = (values: Partial<Record<ReportDimension, string>>): number | null => {
    const row = index.get(indicator, values);
    if (row?.suppressed) return null;
    return row ? row.value : ratio ? null : 0;
  };
  const text = (v: number | null) => (v === null ? '—' : formats.value(v, ratio));
  const rowData: ChartDatum[] = rowValues.map((r) => {
    const v = valueAt({ [rowsDim]: r });
    return { key: r, label: valueLabel(rowsDim, r), value: v ?? 0, valueText: text(v) };
  });
  const empty = t('pivot.chartEmpty');

  if (kind === 'bar') {
    return <BarChart title={t('pivot.barTitle', { indicator: label, dimension: dimensionLabel(i18n, rowsDim) })} data={rowData} dir={i18n.dir} emptyText={empty} />;
  }

  if (kind === 'map') {
    if (rowsDim !== 'org_unit' && rowsDim !== 'site') return <Alert tone="info">{t('pivot.mapNeedsUnits')}</Alert>;
    const points: MapPoint[] = [];
    const unplaced: ChartDatum[] = [];
    for (const d of rowData) {
      const unit = unitsByCode.get(d.key);
      if (unit && unit.latitude !== null && unit.longitude !== null) points.push({ ...d, latitude: unit.latitude, longitude: unit.longitude });
      else unplaced.push(d);
    }
    return (
      <MapChart
        title={t('pivot.mapTitle', { indicator: label, dimension: dimensionLabel(i18n, rowsDim) })}
        description={t('pivot.mapNote')}
        points={points}
        unplaced={unplaced}
        unplacedText={(places) => t('pivot.mapUnplaced', { places })}
        emptyText={t('pivot.mapEmpty')}
      />
    );
  }

  if (kind === 'pie') {
    if (ratio) return <Alert tone="info">{t('pivot.pieNotForRates')}</Alert>;
    return (
      <PieChart
        title={t('pivot.pieTitle', { indicator: label, dimension: dimensionLabel(i18n, rowsDim) })}
        description={t('pivot.pieNote')}
        data={rowData}
        dir={i18n.dir}
        shareText={formats.percent}
        emptyText={empty}
      />
    );
  }

  // Lines over time: the period must be the rows or the columns.
  const timeInRows = rowsDim === 'period';
  if (!timeInRows && colsDim !== 'period') return <Alert tone="info">{t('pivot.lineNeedsPeriod')}</Alert>;
  const times = timeInRows ? rowValues : colValues;
  const other = timeInRows ? colsDim : rowsDim;
  const otherValues = timeInRows ? colValues : rowValues;
  const seriesOf = (key: string, seriesLabel: string, fixed: Partial<Record<ReportDimension, string>>): LineSeries => {
    const values = times.map((p) => valueAt({ ...fixed, period: p }));
    return { key, label: seriesLabel, values, valueTexts: values.map(text) };
  };
  const series: LineSeries[] = other
    ? [
        seriesOf(ALL, t('report.all'), { [other]: ALL }),
        ...otherValues.slice(0, MAX_SERIES).map((v) => seriesOf(v, valueLabel(other, v), { [other]: v })),
      ]
    : [seriesOf(ALL, label, {})];
  return (
    <LineChart
      title={t('pivot.lineTitle', { indicator: label })}
      description={other && otherValues.length > MAX_SERIES ? t('pivot.lineMore', { count: MAX_SERIES }) : undefined}
      points={times.map((p) => ({ key: p, label: valueLabel('period', p) }))}
      series={series}
      dir={i18n.dir}
      formatTick={(v) => formats.value(v, ratio)}
      emptyText={empty}
    />
  );
}
