import { useState } from 'react';
import { serviceCodes, verificationFlags } from '@relais/core';
import { getVerification, listServices, type VerificationData, type VerificationFlag } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Button, Card, Code, Loading, Page, Select, Table, TextField, type Column } from '../../ui/index.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { isolate } from '../../i18n/bidi.ts';
import { indentedLabel } from '../org-units/org-unit-tree.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { formatDay, monthOf, serviceLabel, serviceLine } from './service-labels.ts';

/** A worker's line, the line of services without a worker (`worker: null`), or the total line. */
type WorkerRow = VerificationData['workers'][number] & { isTotal?: boolean };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The monthly data verification with the workers: counts by worker and service, and the records worth a second look. */
export function VerificationPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const units = ctx.units.filter((n) => n.unit.active);
  // The header context unit until another is chosen (the context may still be loading).
  const [chosenUnit, setUnitId] = useState<string | null>(null);
  const unitId = chosenUnit ?? ctx.orgUnit?.id ?? units[0]?.unit.id ?? '';
  const [month, setMonth] = useState(() => monthOf(-1));
  const valid = MONTH.test(month) && month <= monthOf(0) && unitId !== '';
  const data = useApi(() => (valid ? getVerification({ orgUnitId: unitId, month }) : Promise.resolve(null)), [valid, unitId, month]);

  return (
    <Page title={t('verify.title')} intro={t('verify.intro')}>
      <Card>
        <div className="filters">
          <TextField
            label={t('field.month')}
            type="month"
            value={month}
            max={monthOf(0)}
            hint={t('verify.monthHint')}
            error={month && !valid && unitId ? t('verify.monthInvalid') : undefined}
            onChange={setMonth}
          />
          <Select
            label={t('capture.unit')}
            value={unitId}
            options={units.length ? units.map((n) => ({ value: n.unit.id, label: indentedLabel(n) })) : [{ value: '', label: t('context.noUnit') }]}
            onChange={setUnitId}
          />
        </div>
      </Card>
      <ErrorAlert error={data.error} />
      {data.loading ? <Loading label={t('app.loading')} /> : null}
      {data.data && !data.loading ? <VerificationReport report={data.data} /> : null}
    </Page>
  );
}

function VerificationReport({ report }: { report: VerificationData }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [year = '', mon = '1'] = report.month.split('-');
  const monthName = new Intl.DateTimeFormat(intlTag(i18n.locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(year), Number(mon) - 1, 1)));

  // Columns: the services present this month, in catalogue order.
  const present = serviceCodes.filter((s) => report.workers.some((w) => (w.counts[s] ?? 0) > 0));
  const totals: WorkerRow = {
    isTotal: true,
    worker: null,
    counts: Object.fromEntries(present.map((s) => [s, report.workers.reduce((n, w) => n + (w.counts[s] ?? 0), 0)])),
    contacts: report.workers.reduce((n, w) => n + w.contacts, 0),
    persons: report.workers.reduce((n, w) => n + w.persons, 0),
  };
  const columns: Column<WorkerRow>[] = [
    { key: 'worker', header: t('field.workerId'), render: (w) => (w.isTotal ? <strong>{t('verify.total')}</strong> : w.worker ? <bdi>{w.worker.displayName}</bdi> : <span className="muted">{t('worker.not_recorded')}</span>) },
    ...present.map((s) => ({ key: s, header: serviceLabel(i18n, s), className: 'num', render: (w: WorkerRow) => String(w.counts[s] ?? 0) })),
    { key: 'contacts', header: t('verify.contacts'), className: 'num', render: (w) => String(w.contacts) },
    { key: 'persons', header: t('verify.persons'), className: 'num', render: (w) => String(w.persons) },
  ];
  const kinds = verificationFlags.filter((k) => report.flags.some((f) => f.kind === k));

  return (
    <>
      <section aria-labelledby="verification-counts">
        <h2 id="verification-counts" className="section-title">
          {t('verify.countsTitle', { unit: isolate(report.orgUnit.name), month: monthName })}
        </h2>
        {report.workers.length ? (
          <Table<WorkerRow> caption={t('verify.countsCaption')} columns={columns} rows={[...report.workers, totals]} rowKey={(w) => (w.isTotal ? 'total' : (w.worker?.id ?? 'none'))} empty={t('verify.noServices')} />
        ) : (
          <Alert tone="info">{t('verify.noServices')}</Alert>
        )}
      </section>
      <section aria-labelledby="verification-flags">
        <h2 id="verification-flags" className="section-title">
          {t('verify.flagsTitle', { count: report.flags.length })}
        </h2>
        {kinds.length === 0 ? <Alert tone="success">{t('verify.noFlags')}</Alert> : null}
        <div className="stack">
          {kinds.map((kind) => (
            <FlagGroup key={kind} kind={kind} flags={report.flags.filter((f) => f.kind === kind)} orgUnitId={report.orgUnit.id} month={report.month} />
          ))}
        </div>
      </section>
    </>
  );
}

function FlagGroup({ kind, flags, orgUnitId, month }: { kind: VerificationFlag['kind']; flags: VerificationFlag[]; orgUnitId: string; month: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const locale = intlTag(i18n.locale);
  const columns: Column<VerificationFlag>[] = [
    { key: 'date', header: t('field.date'), render: (f) => (f.date ? formatDay(locale, f.date) : '—') },
    {
      key: 'person',
      header: t('search.code'),
      render: (f) =>
        f.beneficiary ? (
          <Link to={`/beneficiaries/${f.beneficiary.id}`}>
            <Code>{f.beneficiary.code}</Code>
          </Link>
        ) : (
          '—'
        ),
    },
    { key: 'worker', header: t('field.workerId'), render: (f) => (f.worker ? <bdi>{f.worker.displayName}</bdi> : f.beneficiary ? <span className="muted">{t('worker.not_recorded')}</span> : '—') },
    { key: 'records', header: t('verify.records'), render: (f) => <FlagRecords flag={f} orgUnitId={orgUnitId} month={month} /> },
  ];
  return (
    <Card title={`${t(`verification.${kind}`)} (${flags.length})`}>
      <p className="field-hint">{t(`verify.hint.${kind}`)}</p>
      <Table caption={t(`verification.${kind}`)} columns={columns} rows={flags} rowKey={(f) => `${f.serviceIds.join(',')}:${f.date ?? ''}`} empty={t('verify.noFlags')} />
    </Card>
  );
}

/** The records behind a flag, loaded on demand (the person's services of that day, or of the month). */
function FlagRecords({ flag, orgUnitId, month }: { flag: VerificationFlag; orgUnitId: string; month: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const count = flag.serviceIds.length;
  if (!open) {
    return (
      <Button size="small" variant="ghost" aria-expanded={false} onClick={() => setOpen(true)}>
        {t('verify.showRecords', { count })}
      </Button>
    );
  }
  return <FlagRecordList flag={flag} orgUnitId={orgUnitId} month={month} />;
}

function lastDayOf(month: string): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

function FlagRecordList({ flag, orgUnitId, month }: { flag: VerificationFlag; orgUnitId: string; month: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const from = flag.date ?? `${month}-01`;
  const to = flag.date ?? lastDayOf(month);
  const services = useApi(
    () => (flag.beneficiary ? listServices({ beneficiaryId: flag.beneficiary.id, orgUnitId, from, to, limit: 200 }) : Promise.resolve({ items: [], total: 0, totalCapped: false })),
    [flag.beneficiary?.id, orgUnitId, from, to],
  );
  if (services.error) return <Alert tone="error">{describeError(i18n, services.error)}</Alert>;
  if (!services.data) return <Loading label={t('app.loading')} />;
  const concerned = services.data.items.filter((s) => flag.serviceIds.includes(s.id));
  if (concerned.length === 0) return <span className="muted">{t('verify.recordsGone', { count: flag.serviceIds.length })}</span>;
  return (
    <ul className="plain-list small">
      {concerned.map((s) => (
        <li key={s.id}>{serviceLine(i18n, s)}</li>
      ))}
    </ul>
  );
}
