import { useState } from 'react';
import { lastCompleteSemester, parsePeriod, recentSemesters, semesterOf, type ProgramCode, type SemesterReportQuery } from '@relais/core';
import { exportSemesterReport, semesterReport } from '../../api/semester-report.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert, Button, Card, Loading, Page, Select, useFileDownload } from '../../ui/index.ts';
import { NoProgramPage, ReportProgramSelect } from './report-program.tsx';
import { ErrorAlert } from '../../app/read-status.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { formatDay } from '../capture/service-labels.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { periodLabel } from './report-labels.ts';
import { SemesterReportView } from './semester-sections.tsx';
import './semester.css';

/** How many semesters the picker offers (the current one and those before it). */
const SEMESTERS = 10;

/** Today on this device (`YYYY-MM-DD`). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The semester report (the Chams report to its donor, "Résultats observés au 30 juin"): a
 * program, a semester (the last complete one by default) and a unit; the sections as the donor
 * receives them, printable on A4 and downloadable as XLSX.
 */
export function SemesterPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const day = today();
  const [chosenProgram, setProgram] = useState<ProgramCode | null>(null);
  const [period, setPeriod] = useState(() => lastCompleteSemester(day));
  const [unitId, setUnitId] = useState('');
  const file = useFileDownload();
  const busy = file.busy !== null;

  const programs = ctx.myPrograms;
  // GBV's report first: it is the program that sends one; else the header's program.
  const program =
    chosenProgram && programs.includes(chosenProgram)
      ? chosenProgram
      : programs.includes('gbv')
        ? 'gbv'
        : ctx.program && programs.includes(ctx.program)
          ? ctx.program
          : (programs[0] ?? null);
  const units = ctx.units.filter((n) => n.unit.active && n.unit.level !== 'site');
  const unit = units.find((n) => n.unit.id === unitId)?.unit ?? null;
  const query: SemesterReportQuery | null = program ? { program, period, ...(unit && unit.parentId !== null ? { orgUnitId: unit.id } : {}) } : null;
  const queryKey = JSON.stringify(query);
  const report = useApi(() => (query ? semesterReport(query) : Promise.resolve(null)), [queryKey]);

  const download = () => (query ? file.download('file', () => exportSemesterReport(query)) : Promise.resolve());

  if (ctx.loaded && programs.length === 0) {
    return <NoProgramPage title={t('shell.semester')} intro={t('semester.intro')} />;
  }

  const current = semesterOf(day);
  const semesters = recentSemesters(day, SEMESTERS);
  const bounds = parsePeriod(period);
  const actions = (
    <div className="form-actions">
      <Button size="small" busy={busy} disabled={!query || busy} onClick={() => void download()}>
        {busy ? t('reports.downloading') : t('reports.download.xlsx')}
      </Button>
      <Button size="small" disabled={!report.data} onClick={() => window.print()}>
        {t('reports.print')}
      </Button>
    </div>
  );

  return (
    <Page title={t('shell.semester')} intro={<span className="no-print">{t('semester.intro')}</span>} actions={actions}>
      <Card className="no-print">
        <div className="filters semester-filters">
          <ReportProgramSelect programs={programs} value={program} onChange={setProgram} />
          <Select
            label={t('semester.choosePeriod')}
            value={period}
            options={semesters.map((s) => ({ value: s, label: s === current ? t('semester.current', { period: periodLabel(i18n, s) }) : periodLabel(i18n, s) }))}
            onChange={setPeriod}
          />
          <Select
            label={t('semester.chooseUnit')}
            value={unit && unit.parentId !== null ? unit.id : ''}
            options={[
              { value: '', label: t('semester.unit.all') },
              ...units.filter((n) => n.unit.parentId !== null).map((n) => ({ value: n.unit.id, label: `${'\u00a0\u00a0'.repeat(Math.max(0, n.depth - 1))}${n.unit.name}` })),
            ]}
            onChange={setUnitId}
          />
        </div>
      </Card>
      <ErrorAlert error={file.error} />
      {period === current && bounds ? <Alert tone="info">{t('semester.inProgress', { to: formatDay(intlTag(i18n.locale), bounds.to, 'long') })}</Alert> : null}
      <ErrorAlert error={report.error} />
      {report.data?.factsBuilding ? <Alert tone="info">{t('reports.factsBuilding')}</Alert> : null}
      {report.loading && !report.data ? <Loading label={t('app.loading')} /> : null}
      {report.data ? <SemesterReportView report={report.data} printedOn={day} /> : null}
    </Page>
  );
}
