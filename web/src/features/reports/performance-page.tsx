import { useState } from 'react';
import { appliesToProgram, ageBandCodes, defaultAgeBands, isRootUnit, orgUnitLevels, UNKNOWN_AGE_BAND, parsePeriod, type OrgUnit, type OrgUnitLevel, type ProgramCode } from '@relais/core';
import { queryReport, type ReportRequest } from '../../api/endpoints.ts';
import type { IndicatorInfo } from '../../api/indicators.ts';
import { useApi } from '../../api/use-api.ts';
import { useCan } from '../../app/session.tsx';
import { Alert, Card, Checkbox, Loading, Page, Select } from '../../ui/index.ts';
import { NoProgramPage, ReportProgramSelect } from './report-program.tsx';
import { ErrorAlert } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { programLabel } from '../../i18n/labels.ts';
import { DrillDownDialog } from './drill-down.tsx';
import { IndicatorPicker } from './indicator-picker.tsx';
import { PeriodPicker, currentYear } from './period-picker.tsx';
import { ReportDownloads } from './report-downloads.tsx';
import { dimensionValueLabel, indicatorLabel, numberFormats, periodLabel, type UnitNames } from './report-labels.ts';
import { ALL, drillTargetOf, indexReport, isRatio, mainIndicatorsOf, type DrillTarget, type ReportIndex } from './report-model.ts';
import { ReportValue } from './report-value.tsx';
import { useReportSetup } from './use-report-setup.ts';
import { TargetCell } from './target-cell.tsx';

/** Levels a framework can be broken down by (outreach sites are places, not reporting units). */
const levels = orgUnitLevels.filter((l) => l !== 'site');

/**
 * The performance framework (*cadre de performance*) as the donor reports it: one row per
 * indicator, for each unit of a level and the total, the value by age band, the target, the gap
 * and the achievement. Targets are set in place; the report downloads and prints.
 */
export function PerformancePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [chosenProgram, setProgram] = useState<ProgramCode | null>(null);
  const { ctx, indicators, unitNames, unitsByCode, programs, program } = useReportSetup(chosenProgram);
  const [period, setPeriod] = useState(currentYear);
  const [level, setLevel] = useState<OrgUnitLevel>('section');
  const [chosen, setChosen] = useState<Partial<Record<ProgramCode, string[]>>>({});
  const [showTargets, setShowTargets] = useState(true);
  const [drill, setDrill] = useState<{ target: DrillTarget; text: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  // Only the indicators meant for the program (those without a program scope, and its own).
  const known = (indicators.data?.items ?? []).filter((i) => !program || appliesToProgram(i, program));
  const chosenCodes = program ? (chosen[program] ?? mainIndicatorsOf(program)) : [];
  // Only indicators the server knows (an organisation may lack one of the defaults).
  const codes = indicators.data ? chosenCodes.filter((c) => known.some((i) => i.code === c)) : [];
  const query: ReportRequest | null =
    program && codes.length && parsePeriod(period)
      ? { program, period, indicators: codes, by: ['org_unit', 'age_band'], grain: 'year', orgUnitLevel: level, filters: {} }
      : null;
  const queryKey = JSON.stringify(query);
  const report = useApi(() => (query ? queryReport(query) : Promise.resolve(null)), [queryKey]);

  if (ctx.loaded && programs.length === 0) {
    return <NoProgramPage title={t('performance.title')} intro={t('performance.intro')} />;
  }

  return (
    <Page title={t('performance.title')} intro={t('performance.intro')} actions={<ReportDownloads query={query} layout="performance" printable />}>
      <Card className="no-print">
        <div className="filters">
          <ReportProgramSelect programs={programs} value={program} onChange={setProgram} />
          <PeriodPicker value={period} onChange={setPeriod} kinds={['year', 'semester']} />
          <Select label={t('reports.level')} value={level} options={levels.map((l) => ({ value: l, label: t(`org_unit_level.${l}`) }))} onChange={(v) => setLevel(v as OrgUnitLevel)} />
        </div>
        {indicators.data && program ? (
          <IndicatorPicker indicators={known} chosen={chosenCodes} onChange={(next) => setChosen({ ...chosen, [program]: next })} />
        ) : null}
        <Checkbox label={t('performance.showTargets')} checked={showTargets} onChange={setShowTargets} />
      </Card>
      <ErrorAlert error={indicators.error} />
      {indicators.data && program && codes.length === 0 ? <Alert tone="warning">{t('reports.noIndicator')}</Alert> : null}
      <ErrorAlert error={report.error} />
      {report.data?.factsBuilding ? <Alert tone="info">{t('reports.factsBuilding')}</Alert> : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      {report.loading || indicators.loading ? <Loading label={t('app.loading')} /> : null}
      {report.data && query ? (
        <PerformanceTable
          query={query}
          index={indexReport(report.data.rows, query)}
          indicators={known}
          levelUnits={ctx.units.filter((n) => n.unit.active && n.unit.level === level).map((n) => n.unit)}
          unitNames={unitNames}
          unitsByCode={unitsByCode}
          rootUnit={ctx.units.find((n) => isRootUnit(n.unit))?.unit ?? null}
          showTargets={showTargets}
          onDrill={(target, text) => setDrill({ target, text })}
          onTargetSaved={(text) => {
            setSaved(text);
            report.reload();
          }}
        />
      ) : null}
      <p className="field-hint">{t('reports.totalsNote')}</p>
      {drill ? <DrillDownDialog target={drill.target} cellText={drill.text} indicators={known} onClose={() => setDrill(null)} /> : null}
    </Page>
  );
}

function PerformanceTable({ query, index, indicators, levelUnits, unitNames, unitsByCode, rootUnit, showTargets, onDrill, onTargetSaved }: {
  query: ReportRequest;
  index: ReportIndex;
  indicators: readonly IndicatorInfo[];
  /** The visible units of the chosen level: a column each, even without data. */
  levelUnits: readonly OrgUnit[];
  unitNames: UnitNames;
  unitsByCode: ReadonlyMap<string, OrgUnit>;
  rootUnit: OrgUnit | null;
  showTargets: boolean;
  onDrill: (target: DrillTarget, text: string) => void;
  onTargetSaved: (text: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const canDrill = useCan('person.read');
  const canTargets = useCan('target.manage');
  const formats = numberFormats(i18n.locale);
  const collator = new Intl.Collator(i18n.locale);
  const name = (code: string) => dimensionValueLabel(i18n, 'org_unit', code, unitNames);
  const unitCodes = [...new Set([...levelUnits.map((u) => u.code), ...index.values('org_unit')])].sort((a, b) => collator.compare(name(a), name(b)));
  const groups = [...unitCodes, ALL];
  const hasUnknown = index.values('age_band').includes(UNKNOWN_AGE_BAND);
  const ages: string[] = [...ageBandCodes, ...(hasUnknown ? [UNKNOWN_AGE_BAND] : []), ALL];
  const span = ages.length + (showTargets ? 3 : 0);
  const period = periodLabel(i18n, query.period);
  const ageHeader = (band: string) => {
    const label = defaultAgeBands.find((b) => b.code === band)?.label;
    return band === ALL ? t('report.all') : label ? t(`performance.age.${label}`) : t('reports.ageUnknown');
  };

  const caption = t('performance.caption', { program: programLabel(t, query.program), period, level: t(`org_unit_level.${query.orgUnitLevel ?? 'section'}`) });
  return (
    <div className="report-block">
      <p className="report-caption" aria-hidden="true">
        {caption}
      </p>
      <div className="table-wrap report-wrap">
        <table className="report-table">
          <caption className="visually-hidden">{caption}</caption>
          <colgroup />
          {groups.map((g) => (
            <colgroup key={g} span={span} className="report-group" />
          ))}
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('report.indicator')}
              </th>
              {groups.map((g) => (
                <th key={g} scope="colgroup" colSpan={span} className="report-group-head">
                  {g === ALL ? t('report.all') : <bdi>{name(g)}</bdi>}
                </th>
              ))}
            </tr>
            <tr>
              {groups.flatMap((g) => [
                ...ages.map((band) => (
                  <th key={`${g}:${band}`} scope="col" className="num">
                    {ageHeader(band)}
                  </th>
                )),
                ...(showTargets
                  ? [
                      <th key={`${g}:target`} scope="col" className="num">
                        {t('report.target')}
                      </th>,
                      <th key={`${g}:gap`} scope="col" className="num">
                        {t('report.gap')}
                      </th>,
                      <th key={`${g}:achievement`} scope="col" className="num">
                        {t('reports.achievement')}
                      </th>,
                    ]
                  : []),
              ])}
            </tr>
          </thead>
          <tbody>
            {query.indicators.map((code) => {
              const ratio = isRatio(indicators, code);
              const label = indicatorLabel(i18n, code);
              return (
                <tr key={code}>
                  <th scope="row">{label}</th>
                  {groups.flatMap((g) => {
                    const total = index.get(code, { org_unit: g, age_band: ALL });
                    const unit = g === ALL ? rootUnit : (unitsByCode.get(g) ?? null);
                    const where = g === ALL ? t('report.all') : name(g);
                    return [
                      ...ages.map((band) => {
                        const cell = { org_unit: g, age_band: band };
                        const target = canDrill ? drillTargetOf(query, code, cell) : null;
                        const text = [label, where, band === ALL ? null : ageHeader(band), period].filter(Boolean).join(t('reports.separator'));
                        return (
                          <td key={`${g}:${band}`} className={band === ALL ? 'num report-total' : 'num'}>
                            <ReportValue
                              row={index.get(code, cell)}
                              ratio={ratio}
                              formats={formats}
                              drillLabel={text}
                              onDrill={target ? () => onDrill(target, `${formats.value(index.get(code, cell)?.value ?? 0, ratio)} — ${text}`) : undefined}
                            />
                          </td>
                        );
                      }),
                      ...(showTargets
                        ? [
                            <td key={`${g}:target`} className="num">
                              <TargetCell
                                indicator={code}
                                label={label}
                                where={where}
                                unit={canTargets ? unit : null}
                                query={query}
                                target={total?.target ?? null}
                                ratio={ratio}
                                formats={formats}
                                onSaved={onTargetSaved}
                              />
                            </td>,
                            <td key={`${g}:gap`} className="num">
                              {total && total.gap !== null ? formats.value(total.gap, ratio) : '—'}
                            </td>,
                            <td key={`${g}:achievement`} className="num">
                              {total && total.achievement !== null ? formats.percent(total.achievement) : '—'}
                            </td>,
                          ]
                        : []),
                    ];
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
