import type { ProgramCode } from '@relais/core';
import { Alert, Page, Select } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { programLabel } from '../../i18n/labels.ts';

/** The program a report is about, among those the reader may report on. */
export function ReportProgramSelect({ programs, value, onChange }: { programs: readonly ProgramCode[]; value: ProgramCode | null | undefined; onChange: (program: ProgramCode) => void }) {
  const { t } = useI18n();
  return <Select label={t('field.program')} value={value ?? ''} options={programs.map((p) => ({ value: p, label: programLabel(t, p) }))} onChange={(v) => onChange(v as ProgramCode)} />;
}

/** A report's page when the reader has no program to report on: it says so. */
export function NoProgramPage({ title, intro }: { title: string; intro: string }) {
  const { t } = useI18n();
  return (
    <Page title={title} intro={intro}>
      <Alert tone="warning">{t('reports.noProgram')}</Alert>
    </Page>
  );
}
