import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { orgUnitLevels } from '@relais/core';
import { runImport } from '../../api/endpoints.ts';
import { importKinds, importMaxBytes, type ImportError, type ImportKind, type ImportReport } from '../../api/import-report.ts';
import { useSession } from '../../app/session.tsx';
import { Alert, Button, Card, Code, FileField, Page, Progress, RadioGroup, Table, type Column } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { todayIso } from '../registry/registry-labels.ts';
import { downloadText, errorsCsv, importColumns, templateCsv } from './import-files.ts';

/** What is running: reading the chosen file, sending it (percent of bytes sent), or waiting for the server's answer. */
type Phase =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'sending'; dryRun: boolean; percent: number }
  | { step: 'processing'; dryRun: boolean };

/** A report and the file it is about (the bytes that were checked are the bytes that get imported). */
interface Checked {
  kind: ImportKind;
  fileName: string;
  bytes: Blob;
  report: ImportReport;
}

/** Errors listed on the screen; all of them can be downloaded. */
const SHOWN_ERRORS = 200;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** File import: choose the kind and the file, check it (a dry run that writes nothing), then import it whole. */
export function ImportsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [kind, setKind] = useState<ImportKind>('beneficiaries');
  const [file, setFile] = useState<File | null>(null);
  // Changing the key empties the file input (after a file could not be read).
  const [inputKey, setInputKey] = useState(0);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [checked, setChecked] = useState<Checked | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  // Shown beside the button that failed: the check (in the form) or the import (in the report).
  const [failure, setFailure] = useState<{ at: 'check' | 'import'; text: string } | null>(null);
  const running = useRef<AbortController | null>(null);
  const busy = phase.step !== 'idle';

  // Leaving the screen stops an upload still under way.
  useEffect(() => () => running.current?.abort(), []);

  const clear = () => {
    setChecked(null);
    setFailure(null);
    setFileError(undefined);
  };

  const send = async (bytes: Blob, fileName: string, of: ImportKind, dryRun: boolean): Promise<ImportReport> => {
    const controller = new AbortController();
    running.current = controller;
    setPhase({ step: 'sending', dryRun, percent: 0 });
    try {
      return await runImport(of, bytes, fileName, dryRun, {
        signal: controller.signal,
        onProgress: (sent, total) =>
          setPhase((p) => (p.step === 'sending' ? { ...p, percent: total > 0 ? Math.min(100, Math.floor((sent * 100) / total)) : 0 } : p)),
        onSent: () => setPhase({ step: 'processing', dryRun }),
      });
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  const check = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    if (!file) {
      setFileError(t('imports.chooseFile'));
      return;
    }
    if (file.size > importMaxBytes) {
      setFileError(t('imports.tooLarge'));
      return;
    }
    setPhase({ step: 'reading' });
    let bytes: Blob;
    try {
      // A copy in memory: what is imported is exactly what was checked, even if the file changes on disk.
      bytes = new Blob([await file.arrayBuffer()]);
    } catch {
      setPhase({ step: 'idle' });
      setFile(null);
      setInputKey((k) => k + 1);
      setFileError(t('imports.fileUnreadable'));
      return;
    }
    try {
      const report = await send(bytes, file.name, kind, true);
      setChecked({ kind, fileName: file.name, bytes, report });
    } catch (error) {
      if (!isAbort(error)) setFailure({ at: 'check', text: describeError(i18n, error) });
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  const importChecked = async () => {
    if (!checked) return;
    setFailure(null);
    try {
      const report = await send(checked.bytes, checked.fileName, checked.kind, false);
      setChecked({ ...checked, report });
    } catch (error) {
      if (!isAbort(error)) setFailure({ at: 'import', text: describeError(i18n, error) });
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  const checking = phase.step === 'reading' || ((phase.step === 'sending' || phase.step === 'processing') && phase.dryRun);
  const importing = busy && !checking;
  return (
    <Page title={t('imports.title')} intro={t('imports.intro')}>
      <div className="grid-2">
        <form className="card form" onSubmit={(e) => void check(e)} noValidate aria-labelledby="imports-file-title">
          <h2 className="card-title" id="imports-file-title">
            {t('imports.fileTitle')}
          </h2>
          <RadioGroup
            legend={t('imports.kind')}
            name="import-kind"
            value={kind}
            disabled={busy}
            options={importKinds.map((k) => ({ value: k, label: t(`imports.kind.${k}`) }))}
            onChange={(v) => {
              setKind(v as ImportKind);
              clear();
            }}
          />
          <FileField
            key={inputKey}
            label={t('imports.file')}
            hint={t('imports.fileHint')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            error={fileError}
            onChange={(f) => {
              setFile(f);
              clear();
            }}
          />
          <div className="form-actions">
            <Button type="submit" variant={checked?.report.dryRun && checked.report.errors.length === 0 ? 'secondary' : 'primary'} busy={checking} disabled={busy}>
              {t('imports.check')}
            </Button>
          </div>
          {checking ? <PhaseProgress phase={phase} /> : null}
          {failure?.at === 'check' ? <Alert tone="error">{failure.text}</Alert> : null}
        </form>
        <FormatHelp kind={kind} />
      </div>
      {checked ? (
        <ReportCard checked={checked} busy={busy} importing={importing} onImport={() => void importChecked()}>
          {importing ? <PhaseProgress phase={phase} /> : null}
          {failure?.at === 'import' ? <Alert tone="error">{failure.text}</Alert> : null}
        </ReportCard>
      ) : null}
    </Page>
  );
}

function PhaseProgress({ phase }: { phase: Phase }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (phase.step === 'idle') return null;
  if (phase.step === 'reading') return <Progress label={t('imports.reading')} value={null} />;
  if (phase.step === 'sending') {
    const percent = new Intl.NumberFormat(intlTag(i18n.locale), { style: 'percent' }).format(phase.percent / 100);
    return <Progress label={t('imports.sending')} value={phase.percent} valueText={percent} />;
  }
  return <Progress label={phase.dryRun ? t('imports.checking') : t('imports.importing')} value={null} />;
}

/** The columns of the chosen kind, the file rules, and a template to start from. */
function FormatHelp({ kind }: { kind: ImportKind }) {
  const { t } = useI18n();
  const { me } = useSession();
  const ctx = useWorkContext();
  const download = () => {
    const unitCode = ctx.orgUnit?.code ?? ctx.units[0]?.unit.code ?? 'SECTION';
    downloadText(`relais-${kind}.csv`, templateCsv(kind, { unitCode, username: me.user.username, today: todayIso() }));
  };
  return (
    <Card title={t('imports.formatTitle', { kind: t(`imports.kind.${kind}`) })}>
      <p>
        {t('imports.columns')}{' '}
        <Code>{importColumns[kind].join(', ')}</Code>
      </p>
      <p className="small muted">{t(`imports.columnsHint.${kind}`, { levels: orgUnitLevels.join(', ') })}</p>
      <p className="small muted">{t('imports.format')}</p>
      <div className="form-actions">
        <Button size="small" onClick={download}>
          {t('imports.template')}
        </Button>
      </div>
    </Card>
  );
}

type ErrorRow = ImportError & { n: number };

/** A check's or an import's report: the counts, whether anything was written, and every rejected cell. */
function ReportCard({ checked, busy, importing, onImport, children }: {
  checked: Checked;
  busy: boolean;
  importing: boolean;
  onImport: () => void;
  /** The import's progress or failure, under the button. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { report, fileName } = checked;
  const errors = report.errors;
  const canImport = report.dryRun && errors.length === 0 && report.rows > 0;
  const columns: Column<ErrorRow>[] = [
    { key: 'line', header: t('imports.line'), className: 'num', render: (e) => String(e.line) },
    {
      key: 'column',
      header: t('imports.column'),
      render: (e) => (
        <Code>{e.column}</Code>
      ),
    },
    { key: 'message', header: t('imports.message'), render: (e) => e.message },
  ];
  const downloadErrors = () =>
    downloadText(
      `${fileName.replace(/\.[^.]*$/, '')}-errors.csv`,
      errorsCsv(errors, { line: t('imports.line'), column: t('imports.column'), message: t('imports.message') }),
    );

  return (
    <Card title={t(report.dryRun ? 'imports.previewTitle' : 'imports.resultTitle', { file: fileName })}>
      <dl className="facts">
        <dt>{t('imports.rows')}</dt>
        <dd>{report.rows}</dd>
        <dt>{t(report.applied ? 'imports.created' : 'imports.toCreate')}</dt>
        <dd>{report.created}</dd>
        <dt>{t('imports.unchanged')}</dt>
        <dd>{report.unchanged}</dd>
        <dt>{t('imports.errors')}</dt>
        <dd>{errors.length}</dd>
      </dl>
      {report.applied ? <Alert tone="success">{t('imports.done', { created: report.created, unchanged: report.unchanged })}</Alert> : null}
      {!report.applied && errors.length > 0 ? <Alert tone="error">{t('imports.notWritten', { count: errors.length })}</Alert> : null}
      {!report.applied && errors.length === 0 && report.rows === 0 ? <Alert tone="warning">{t('imports.empty')}</Alert> : null}
      {canImport ? (
        <Alert
          tone="info"
          action={
            <Button variant="primary" busy={importing} disabled={busy} onClick={onImport}>
              {t('imports.import')}
            </Button>
          }
        >
          {t('imports.ready')}
        </Alert>
      ) : null}
      {children}
      {errors.length > 0 ? (
        <section aria-labelledby="imports-errors" className="stack">
          <h3 id="imports-errors" className="subheading">
            {t('imports.errorsTitle', { count: errors.length })}
          </h3>
          {errors.length > SHOWN_ERRORS ? <p className="field-hint">{t('imports.errorsShown', { shown: SHOWN_ERRORS, count: errors.length })}</p> : null}
          <Table
            caption={t('imports.errorsTitle', { count: errors.length })}
            columns={columns}
            rows={errors.slice(0, SHOWN_ERRORS).map((e, n) => ({ ...e, n }))}
            rowKey={(e) => String(e.n)}
            empty={t('imports.errors')}
          />
          <div className="form-actions">
            <Button size="small" onClick={downloadErrors}>
              {t('imports.downloadErrors')}
            </Button>
          </div>
        </section>
      ) : null}
    </Card>
  );
}
