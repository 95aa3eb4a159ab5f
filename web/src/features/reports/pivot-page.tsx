import { useState, type FormEvent } from 'react';
import { appliesToProgram, orgUnitLevels, reportDimensions, type OrgUnitLevel, type PeriodGrain, type ProgramCode, type ReportDimension } from '@relais/core';
import { queryReport } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert, Button, Card, Loading, Page, RadioGroup, Select, TextField } from '../../ui/index.ts';
import { NoProgramPage, ReportProgramSelect } from './report-program.tsx';
import { ErrorAlert } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DrillDownDialog } from './drill-down.tsx';
import { IndicatorPicker } from './indicator-picker.tsx';
import { PeriodPicker, currentYear } from './period-picker.tsx';
import type { ChartKind } from './pivot-chart.tsx';
import { FilterEditor } from './pivot-filters.tsx';
import { grains, offeredDimensions, queryOf, type PivotDraft } from './pivot-query.ts';
import { PivotResult } from './pivot-result.tsx';
import { ReportDownloads } from './report-downloads.tsx';
import { dimensionLabel } from './report-labels.ts';
import { indexReport, type DrillTarget } from './report-model.ts';
import { useReportSetup } from './use-report-setup.ts';

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
  // Only the indicators meant for the program (those without a program scope, and its own).
  const known = (indicators.data?.items ?? []).filter((i) => !program || appliesToProgram(i, program));

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

  // Only the dimensions the chosen indicators have (audience and age group: cascade indicators), and the ones already chosen.
  const offered = offeredDimensions(known, draft.indicators);
  const dimensionOptions = reportDimensions.filter((d) => offered.includes(d) || d === draft.rows || d === draft.columns).map((d) => ({ value: d, label: dimensionLabel(i18n, d) }));
  const usesPeriod = draft.rows === 'period' || draft.columns === 'period';
  const usesUnits = draft.rows === 'org_unit' || draft.columns === 'org_unit' || draft.filters.some((f) => f.dim === 'org_unit');

  if (ctx.loaded && programs.length === 0) {
    return <NoProgramPage title={t('pivot.title')} intro={t('pivot.intro')} />;
  }

  return (
    <Page title={t('pivot.title')} intro={t('pivot.intro')} actions={<ReportDownloads query={query} layout="pivot" />}>
      <Card className="no-print">
        <form className="form" aria-label={t('pivot.formTitle')} onSubmit={apply}>
          <div className="filters">
            <ReportProgramSelect programs={programs} value={program} onChange={setChosenProgram} />
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
      <ErrorAlert error={indicators.error} />
      <ErrorAlert error={report.error} />
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

