import { useState } from 'react';
import { SetRegisterNo, UpdateService, type DefinedService } from '@relais/core';
import { definedService } from '../../api/defined-services.ts';
import { deleteService, listServices, setRegisterNo, updateService, type ServicePatch, type ServiceRecordData } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Pager } from '../../app/pager.tsx';
import { Alert, Button, Card, ConfirmDialog, Dialog, Select, Table, TextField, type Column } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { describeError, fieldErrorsOf } from '../../i18n/errors.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { useUnitWorkers } from './place.ts';
import { draftOfRecord, entryOf, registerNoIssues, registerNoOf, serviceIssues, type ServiceDraft } from './service-draft.ts';
import { serviceDetailColumns } from './service-columns.tsx';
import { RegisterNoField, ServiceFields } from './service-fields.tsx';
import { detailParts, formatDay, registerNoText, serviceLabel } from './service-labels.ts';
import { MarkRequired } from '../../app/mark-required.tsx';
import { LinePictogram } from './low-literacy.tsx';
import { servicePictogram } from './pictograms.ts';
import { lazyCard } from '../../app/lazy-card.tsx';

// A contact's voice note, played in the recorder's chunk (ADR 0035).
const VoiceNotePlay = lazyCard(() => import('./voice-recorder.tsx').then((m) => m.VoiceNotePlay));

const PAGE_SIZE = 50;

/** A person's services, newest first (date, service, details, worker, place, register number); corrections for those who record. */
export function ServiceHistory({ beneficiaryId, canRecord }: { beneficiaryId: string; canRecord: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const canWrite = useCan('service.write');
  const [offset, setOffset] = useState(0);
  const services = useApi(() => listServices({ beneficiaryId, limit: PAGE_SIZE, offset }), [beneficiaryId, offset]);
  const [editing, setEditing] = useState<ServiceRecordData | null>(null);
  const [deleting, setDeleting] = useState<ServiceRecordData | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const locale = intlTag(i18n.locale);

  const columns: Column<ServiceRecordData>[] = [
    { key: 'date', header: t('field.date'), render: (s) => formatDay(locale, s.date) },
    {
      key: 'service',
      header: t('field.service'),
      render: (s) => (
        <>
          <span className="picto-line">
            <LinePictogram name={servicePictogram(s.service, definedService(s.service)?.pictogram)} />
            {serviceLabel(i18n, s.service)}
          </span>
          {s.groupSessionId ? (
            <>
              {' '}
              <span className="tag tag-off">{t('capture.groupTag')}</span>
            </>
          ) : null}
          {s.voiceNoteId ? <VoiceNotePlay id={s.voiceNoteId} /> : null}
        </>
      ),
    },
    ...serviceDetailColumns(i18n),
    { key: 'registerNo', header: t('field.registerNo'), render: (s) => registerNoText(i18n, s) || '—' },
    ...(canWrite
      ? [
          {
            key: 'actions',
            header: t('capture.actions'),
            render: (s: ServiceRecordData) => (
              <div className="form-actions">
                <Button size="small" aria-label={t('capture.editOf', { service: serviceLabel(i18n, s.service), date: formatDay(locale, s.date) })} onClick={() => setEditing(s)}>
                  {t('record.edit')}
                </Button>
                <Button
                  size="small"
                  variant="ghost"
                  aria-label={t('capture.deleteOf', { service: serviceLabel(i18n, s.service), date: formatDay(locale, s.date) })}
                  onClick={() => setDeleting(s)}
                >
                  {t('capture.delete')}
                </Button>
              </div>
            ),
          },
        ]
      : []),
  ];

  /** After a correction or a deletion: the dialog closes, the message names the service, the list is read again. */
  const done = (key: 'capture.updated' | 'capture.deleted') => (s: ServiceRecordData) => {
    setEditing(null);
    setDeleting(null);
    setMessage(t(key, { service: serviceLabel(i18n, s.service) }));
    services.reload();
  };
  const total = services.data?.total ?? 0;
  return (
    <Card title={t('capture.historyTitle')}>
      {canRecord ? (
        <div className="form-actions card-actions">
          <Link to={`/contacts/new?beneficiary=${encodeURIComponent(beneficiaryId)}`} className="btn btn-primary">
            {t('capture.newService')}
          </Link>
        </div>
      ) : null}
      {message ? <Alert tone="success">{message}</Alert> : null}
      <ReadStatus of={services} />
      {services.data ? (
        <>
          <Table caption={t('capture.historyTitle')} columns={columns} rows={services.data.items} rowKey={(s) => s.id} empty={t('capture.noServices')} />
          {total > PAGE_SIZE ? (
            <Pager offset={offset} pageSize={PAGE_SIZE} total={total} capped={services.data.totalCapped} loading={services.loading} onOffset={setOffset} />
          ) : null}
        </>
      ) : null}
      {editing ? <EditServiceDialog record={editing} onClose={() => setEditing(null)} onSaved={done('capture.updated')} /> : null}
      {deleting ? <DeleteServiceDialog record={deleting} onClose={() => setDeleting(null)} onDeleted={done('capture.deleted')} /> : null}
    </Card>
  );
}

/** The record's defined service (ADR 0028) as the form's map, or none for a built-in one. */
function definedMap(code: string): Map<string, DefinedService> | undefined {
  const own = definedService(code);
  return own ? new Map([[code, own]]) : undefined;
}

/** The fields of a correction that differ from the record (a correction changes exactly what it names). */
function patchOf(record: ServiceRecordData, draft: ServiceDraft, date: string, workerId: string): Record<string, unknown> {
  const year = Number(record.date.slice(0, 4));
  const own = definedService(record.service);
  const before = entryOf(draftOfRecord(record), year, own);
  const after = entryOf(draft, year, own);
  const patch: Record<string, unknown> = {};
  for (const key of ['quantity', 'result', 'strategy', 'modality', 'kind', 'treated', 'platform', 'note'] as const) {
    if (after[key] !== before[key]) patch[key] = after[key];
  }
  // A defined service's fields go together (ADR 0028).
  if (JSON.stringify(after.fields) !== JSON.stringify(before.fields)) patch.fields = after.fields;
  if (date !== record.date) patch.date = date;
  if (workerId && workerId !== record.worker?.id) patch.workerId = workerId;
  return patch;
}

/** Correct a service: its date, worker and the fields it takes; an HIV test's register number once. */
function EditServiceDialog({ record, onClose, onSaved }: { record: ServiceRecordData; onClose: () => void; onSaved: (s: ServiceRecordData) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState<ServiceDraft>(() => draftOfRecord(record));
  const [date, setDate] = useState(record.date);
  const [workerId, setWorkerId] = useState(record.worker?.id ?? '');
  const form = useFormSubmit();
  const { errors, busy } = form;
  const workers = useUnitWorkers(record.orgUnit.id);
  // A service imported without a worker keeps none until one is chosen.
  const current = record.worker ? { value: record.worker.id, label: record.worker.displayName } : { value: '', label: t('worker.not_recorded') };
  const workerOptions = workers.options.some((o) => o.value === current.value) ? workers.options : [current, ...workers.options];
  const registerChanged = record.service === 'hiv_test' && draft.registerNo.trim() !== (record.registerNo === null ? '' : String(record.registerNo));

  const save = async () => {
    form.begin();
    const patch = patchOf(record, draft, date, workerId);
    const checked = validate(UpdateService, patch);
    // The register of the record's year: a paper number `2026-017` must be of that year.
    const registerYear = record.registerYear ?? Number(record.date.slice(0, 4));
    const register = registerChanged ? validate(SetRegisterNo, { registerNo: registerNoOf(draft.registerNo, registerYear) }) : null;
    const issues = [
      ...(registerChanged ? registerNoIssues(draft.registerNo, registerYear, 'registerNo') : []),
      ...serviceIssues({ ...draft, registerNo: '' }, undefined, '', registerYear),
      ...(register && !register.ok ? register.fields : []),
    ];
    if (!form.check(checked, fieldErrorsOf(i18n, issues))) return;
    await form.send(async () => {
      let saved = record;
      if (Object.keys(patch).length) saved = await updateService(record.id, checked.data as ServicePatch);
      if (register?.ok) saved = await setRegisterNo(record.id, register.data.registerNo);
      onSaved(saved);
    });
  };

  return (
    <MarkRequired>
      <Dialog
        title={t('capture.editTitle', { service: serviceLabel(i18n, record.service) })}
        onClose={onClose}
        actions={
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('record.cancel')}
            </Button>
            <Button variant="primary" busy={busy} onClick={() => void save()}>
              {busy ? t('common.saving') : t('common.save')}
            </Button>
          </>
        }
      >
        {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
        <TextField label={t('field.date')} type="date" value={date} max={todayIso()} required error={errors.date} onChange={setDate} />
        <Select label={t('field.workerId')} value={workerId} required={record.worker !== null} error={errors.workerId} options={workerOptions} onChange={setWorkerId} />
        <ServiceFields draft={draft} onChange={setDraft} services={[record.service]} defined={definedMap(record.service)} errors={errors} at="" fixedService registerNo={false} />
        {record.service === 'hiv_test' ? (
          <RegisterNoField hint={t('capture.registerNoCorrectHint')} value={draft.registerNo} error={errors.registerNo} onChange={(v) => setDraft((d) => ({ ...d, registerNo: v }))} />
        ) : null}
      </Dialog>
    </MarkRequired>
  );
}

function DeleteServiceDialog({ record, onClose, onDeleted }: { record: ServiceRecordData; onClose: () => void; onDeleted: (s: ServiceRecordData) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const details = [...detailParts(i18n, record), registerNoText(i18n, record)].filter(Boolean);
  const remove = async () => {
    await deleteService(record.id);
    onDeleted(record);
  };
  return (
    <ConfirmDialog
      title={t('capture.deleteTitle')}
      cancelLabel={t('record.cancel')}
      confirmLabel={t('capture.deleteConfirm')}
      onConfirm={remove}
      onClose={onClose}
      describeFailure={(error) => describeError(i18n, error)}
    >
      <p>
        <strong>{serviceLabel(i18n, record.service)}</strong> — {formatDay(intlTag(i18n.locale), record.date, 'long')}
        {details.length ? ` — ${details.join(' · ')}` : ''}
      </p>
      <p className="field-hint">{t('capture.deleteHint')}</p>
    </ConfirmDialog>
  );
}
