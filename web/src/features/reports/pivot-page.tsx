import { useState, type FormEvent } from 'react';
import { catalogueOf, defaultPopulations, orgUnitLevels, sortDimensionValues, subPeriodsOf, parsePeriod, reportDimensions, type OrgUnit, type OrgUnitLevel, type PeriodGrain, type ProgramCode, type ReportDimension } from '@relais/core';
import { getRegistrySettings, queryReport, type ReportRequest } from '../../api/endpoints.ts';
import type { IndicatorInfo } from '../../api/indicators.ts';
import { useApi } from '../../api/use-api.ts';
import { useCan } from '../../app/session.tsx';
import { Alert, Button, Card, Checkbox, FieldGroup, Loading, Page, RadioGroup, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { programLabel } from '../../i18n/labels.ts';
import { unitLabel, type OrgUnitNode } from '../org-units/org-unit-tree.ts';
import { DrillDownDialog } from './drill-down.tsx';
import { IndicatorPicker } from './indicator-picker.tsx';
import { PeriodPicker, currentYear } from './period-picker.tsx';
import { PivotChart, type ChartKind } from './pivot-chart.tsx';
import { ReportDownloads } from './report-downloads.tsx';
import { dimensionLabel, dimensionValueLabel, indicatorLabel, numberFormats, periodLabel, type UnitNames } from './report-labels.ts';
import { ALL, drillTargetOf, indexReport, isRatio, type DrillTarget, type ReportIndex } from './report-model.ts';
import { ReportValue } from './report-value.tsx';
import { useReportSetup } from './use-report-setup.ts';

const grains: readonly PeriodGrain[] = ['month', 'quarter', 'semester', 'year'];
/** Dimensions whose values are typed (open vocabularies): codes separated by commas. */
const typedDimensions = new Set<ReportDimension>(['worker', 'period']);

interface FilterDraft {
  id: number;
  dim: ReportDimension;
  values: string[];
  /** Typed codes, for the dimensions without a list of values. */
  text: string;
}

interface PivotDraft {
  program: ProgramCode | null;
  indicators: string[];
  rows: ReportDimension;
  columns: ReportDimension | '';
  period: string;
  grain: PeriodGrain;
  /** '' = the unit where each service was given. */
  level: OrgUnitLevel | '';
  filters: FilterDraft[];
  suppressBelow: string;
}

const typedValues = (text: string) => [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];

/** The query of a draft, or the key of the message that says what is missing. */
function queryOf(draft: PivotDraft): { query: ReportRequest } | { problem: 'reports.noIndicator' | 'pivot.sameDimension' | 'reports.periodInvalid' | 'pivot.chooseValue' | 'pivot.suppressInvalid' | 'reports.noProgram' } {
  if (!draft.program) return { problem: 'reports.noProgram' };
  if (draft.indicators.length === 0) return { problem: 'reports.noIndicator' };
  if (draft.rows === draft.columns) return { problem: 'pivot.sameDimension' };
  if (!parsePeriod(draft.period)) return { problem: 'reports.periodInvalid' };
  const filters: Partial<Record<ReportDimension, string[]>> = {};
  for (const f of draft.filters) {
    const values = typedDimensions.has(f.dim) ? typedValues(f.text) : f.values;
    if (values.length === 0) return { problem: 'pivot.chooseValue' };
    filters[f.dim] = values;
  }
  const suppress = draft.suppressBelow.trim();
  if (suppress && !/^\d+$/.test(suppress)) return { problem: 'pivot.suppressInvalid' };
  const suppressBelow = suppress ? Number(suppress) : undefined;
  if (suppressBelow !== undefined && (suppressBelow < 2 || suppressBelow > 50)) return { problem: 'pivot.suppressInvalid' };
  const by = [draft.rows, ...(draft.columns ? [draft.columns] : [])];
  const usesUnits = by.includes('org_unit') || filters.org_unit !== undefined;
  return {
    query: {
      program: draft.program,
      period: draft.period,
      indicators: draft.indicators,
      by,
      grain: draft.grain,
      ...(usesUnits && draft.level ? { orgUnitLevel: draft.level } : {}),
      filters,
      ...(suppressBelow !== undefined ? { suppressBelow } : {}),
    },
  };
}

/**
 * The pivot table (*tableau croisé*): indicators by a dimension in rows and one in columns, for a
 * period, with filters. Totals are the server's own (a distinct count), never sums; small counts
 * can be hidden; the same query downloads; each indicator can be drawn.
 */
export function PivotPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [chosenProgram, setChosenProgram] = useState<ProgramCode | null>(null);
  const { ctx, indicators, unitNames, unitsByCode, programs, program } = useReportSetup(chosenProgram);
  const [initial] = useState<Omit<PivotDraft, 'program'>>(() => ({
    indicators: ['reached'],
    rows: 'org_unit',
    columns: '',
    period: currentYear(),
    grain: 'month',
    level: 'section',
    filters: [],
    suppressBelow: '',
  }));
  const [draft, setDraft] = useState(initial);
  const full: PivotDraft = { ...draft, program };
  const [applied, setApplied] = useState<PivotDraft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [chart, setChart] = useState<ChartKind>('bar');
  const [drill, setDrill] = useState<{ target: DrillTarget; text: string } | null>(null);
  const nextId = () => Math.max(0, ...draft.filters.map((f) => f.id)) + 1;
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft({ ...draft, [key]: value });

  // Until the first "Show", the defaults are shown (for the chosen program).
  const shown = applied ?? { ...initial, program };
  const built = queryOf(shown);
  const query = 'query' in built ? built.query : null;
  const queryKey = JSON.stringify(query);
  const report = useApi(() => (query ? queryReport(query) : Promise.resolve(null)), [queryKey]);
  const known = indicators.data?.items ?? [];

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const result = queryOf(full);
    if ('problem' in result) {
      setProblem(t(result.problem));
      return;
    }
    setProblem(null);
    if (applied && JSON.stringify(queryOf(applied)) === JSON.stringify(result)) report.reload();
    setApplied(full);
  };

  const dimensionOptions = reportDimensions.map((d) => ({ value: d, label: dimensionLabel(i18n, d) }));
  const usesPeriod = draft.rows === 'period' || draft.columns === 'period';
  const usesUnits = draft.rows === 'org_unit' || draft.columns === 'org_unit' || draft.filters.some((f) => f.dim === 'org_unit');

  if (ctx.loaded && programs.length === 0) {
    return (
      <Page title={t('pivot.title')} intro={t('pivot.intro')}>
        <Alert tone="warning">{t('reports.noProgram')}</Alert>
      </Page>
    );
  }

  return (
    <Page title={t('pivot.title')} intro={t('pivot.intro')} actions={<ReportDownloads query={query} layout="pivot" />}>
      <Card className="no-print">
        <form className="form" aria-label={t('pivot.formTitle')} onSubmit={apply}>
          <div className="filters">
            <Select
              label={t('field.program')}
              value={program ?? ''}
              options={programs.map((p) => ({ value: p, label: programLabel(t, p) }))}
              onChange={(v) => setChosenProgram(v as ProgramCode)}
            />
            <PeriodPicker value={draft.period} onChange={(v) => set('period', v)} kinds={['year', 'semester', 'quarter', 'month', 'range']} />
          </div>
          {indicators.data ? <IndicatorPicker indicators={known} chosen={draft.indicators} onChange={(v) => set('indicators', v)} /> : null}
          <div className="filters">
            <Select label={t('pivot.rows')} value={draft.rows} options={dimensionOptions} onChange={(v) => set('rows', v as ReportDimension)} />
            <Select
              label={t('pivot.columns')}
              value={draft.columns}
              options={[{ value: '', label: t('pivot.none') }, ...dimensionOptions]}
              onChange={(v) => set('columns', v as ReportDimension | '')}
            />
            {usesPeriod ? (
              <Select label={t('pivot.grain')} value={draft.grain} options={grains.map((g) => ({ value: g, label: t(`pivot.grain.${g}`) }))} onChange={(v) => set('grain', v as PeriodGrain)} />
            ) : null}
            {usesUnits ? (
              <Select
                label={t('reports.level')}
                value={draft.level}
                options={[
                  ...orgUnitLevels.filter((l) => l !== 'site').map((l) => ({ value: l, label: t(`org_unit_level.${l}`) })),
                  { value: '', label: t('pivot.serviceUnit') },
                ]}
                onChange={(v) => set('level', v as OrgUnitLevel | '')}
              />
            ) : null}
          </div>
          <FilterEditor
            filters={draft.filters}
            level={draft.level}
            unitNames={unitNames}
            units={ctx.units}
            onChange={(filters) => set('filters', filters)}
            onAdd={() => {
              const free = reportDimensions.find((d) => !draft.filters.some((f) => f.dim === d) && d !== 'period') ?? 'sex';
              set('filters', [...draft.filters, { id: nextId(), dim: free, values: [], text: '' }]);
            }}
          />
          <TextField
            label={t('pivot.suppressBelow')}
            hint={t('pivot.suppressHint')}
            className="field-narrow"
            inputMode="numeric"
            value={draft.suppressBelow}
            onChange={(v) => set('suppressBelow', v)}
          />
          {problem ? <Alert tone="error">{problem}</Alert> : null}
          <div className="form-actions">
            <Button type="submit" variant="primary">
              {t('pivot.run')}
            </Button>
          </div>
        </form>
      </Card>
      <RadioGroup
        legend={t('pivot.chart')}
        value={chart}
        options={(['none', 'bar', 'line', 'pie', 'map'] as const).map((k) => ({ value: k, label: t(`pivot.chart.${k}`) }))}
        onChange={(v) => setChart(v as ChartKind)}
      />
      {indicators.error ? <Alert tone="error">{describeError(i18n, indicators.error)}</Alert> : null}
      {report.error ? <Alert tone="error">{describeError(i18n, report.error)}</Alert> : null}
      {report.data?.factsBuilding ? <Alert tone="info">{t('reports.factsBuilding')}</Alert> : null}
      {report.loading || indicators.loading ? <Loading label={t('app.loading')} /> : null}
      {report.data && query && indicators.data ? (
        <PivotResult
          query={query}
          index={indexReport(report.data.rows, query)}
          indicators={known}
          unitNames={unitNames}
          unitsByCode={unitsByCode}
          chart={chart}
          onDrill={(target, text) => setDrill({ target, text })}
        />
      ) : null}
      <p className="field-hint">{t('reports.totalsNote')}</p>
      {drill ? <DrillDownDialog target={drill.target} cellText={drill.text} indicators={known} onClose={() => setDrill(null)} /> : null}
    </Page>
  );
}

/** The filters: each a dimension and the values kept (a list to tick, or typed codes). */
function FilterEditor({ filters, level, unitNames, units, onChange, onAdd }: {
  filters: readonly FilterDraft[];
  level: OrgUnitLevel | '';
  unitNames: UnitNames;
  /** The visible units (values of the unit and site filters). */
  units: readonly OrgUnitNode[];
  onChange: (filters: FilterDraft[]) => void;
  onAdd: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const settings = useApi(() => getRegistrySettings().catch(() => null), []);
  const populations = settings.data?.populations ?? [...defaultPopulations];

  const optionsOf = (dim: ReportDimension): { value: string; label: string }[] | null => {
    if (typedDimensions.has(dim)) return null;
    const unitOptions = (pick: (l: OrgUnitLevel) => boolean) =>
      units.filter((n) => n.unit.active && pick(n.unit.level)).map((n) => ({ value: n.unit.code, label: unitLabel(n.unit) }));
    if (dim === 'org_unit') return unitOptions((l) => (level ? l === level : l !== 'site'));
    if (dim === 'site') return unitOptions((l) => l === 'site');
    const values = dim === 'population' ? populations : (catalogueOf(dim) ?? []);
    return values.map((v) => ({ value: v, label: dimensionValueLabel(i18n, dim, v, unitNames) }));
  };
  const update = (id: number, patch: Partial<FilterDraft>) => onChange(filters.map((f) => (f.id === id ? { ...f, ...patch } : f)));

  return (
    <FieldGroup legend={t('pivot.filters')}>
      {filters.length === 0 ? <p className="field-hint">{t('pivot.noFilter')}</p> : null}
      {filters.map((f) => {
        const options = optionsOf(f.dim);
        const label = dimensionLabel(i18n, f.dim);
        return (
          <div key={f.id} className="filter-row" role="group" aria-label={t('pivot.filterOf', { dimension: label })}>
            <div className="filter-row-head">
              <Select
                label={t('pivot.filterDimension')}
                value={f.dim}
                options={reportDimensions
                  .filter((d) => d === f.dim || !filters.some((o) => o.dim === d))
                  .map((d) => ({ value: d, label: dimensionLabel(i18n, d) }))}
                onChange={(v) => update(f.id, { dim: v as ReportDimension, values: [], text: '' })}
              />
              <Button size="small" variant="ghost" onClick={() => onChange(filters.filter((o) => o.id !== f.id))}>
                {t('pivot.removeFilter', { dimension: label })}
              </Button>
            </div>
            {options ? (
              <fieldset className="fieldset fieldset-inner">
                <legend className="field-label">{t('pivot.filterValues')}</legend>
                {options.length === 0 ? <p className="field-hint">{t('common.noResults')}</p> : null}
                <div className="checkbox-list">
                  {options.map((o) => (
                    <Checkbox
                      key={o.value}
                      label={o.label}
                      checked={f.values.includes(o.value)}
                      onChange={(on) => update(f.id, { values: on ? [...f.values, o.value] : f.values.filter((v) => v !== o.value) })}
                    />
                  ))}
                </div>
              </fieldset>
            ) : (
              <TextField
                label={t('pivot.filterCodes')}
                hint={f.dim === 'worker' ? t('pivot.workerHint') : t('pivot.periodHint')}
                dir="ltr"
                value={f.text}
                onChange={(text) => update(f.id, { text })}
              />
            )}
          </div>
        );
      })}
      <div className="form-actions">
        <Button size="small" onClick={onAdd} disabled={filters.length >= reportDimensions.length}>
          {t('pivot.addFilter')}
        </Button>
      </div>
    </FieldGroup>
  );
}

/** One matrix (and chart) per indicator of the query. */
function PivotResult({ query, index, indicators, unitNames, unitsByCode, chart, onDrill }: {
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
  return (
    <>
      {query.indicators.map((code) => (
        <section key={code} className="pivot-result" aria-labelledby={`pivot-${code}`}>
          <h2 id={`pivot-${code}`} className="section-title">
            {indicatorLabel(i18n, code)}
          </h2>
          <PivotMatrix
            query={query}
            index={index}
            indicator={code}
            ratio={isRatio(indicators, code)}
            rowsDim={rowsDim}
            colsDim={colsDim}
            rowValues={rowValues}
            colValues={colValues}
            unitNames={unitNames}
            onDrill={onDrill}
          />
          {chart !== 'none' ? (
            <PivotChart
              kind={chart}
              index={index}
              indicator={code}
              ratio={isRatio(indicators, code)}
              rowsDim={rowsDim}
              colsDim={colsDim}
              rowValues={rowValues}
              colValues={colValues}
              unitNames={unitNames}
              unitsByCode={unitsByCode}
            />
          ) : null}
        </section>
      ))}
    </>
  );
}

function PivotMatrix({ query, index, indicator, ratio, rowsDim, colsDim, rowValues, colValues, unitNames, onDrill }: {
  query: ReportRequest;
  index: ReportIndex;
  indicator: string;
  ratio: boolean;
  rowsDim: ReportDimension;
  colsDim: ReportDimension | null;
  rowValues: readonly string[];
  colValues: readonly string[];
  unitNames: UnitNames;
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
