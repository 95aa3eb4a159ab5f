import { useState } from 'react';
import { RecordContact } from '@relais/core';
import type { CaseData } from '../../api/cases.ts';
import { getCatalogue, recordContact } from '../../api/endpoints.ts';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Alert, Button, Card, FieldGroup, Loading, Table, TextField, type Column } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { describeError, fieldErrorsOf } from '../../i18n/errors.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { entryOf, newServiceDraft, serviceIssues, type ServiceDraft } from '../capture/service-draft.ts';
import { ServiceFields } from '../capture/service-fields.tsx';
import { serviceLabel } from '../capture/service-labels.ts';
import { wallClock } from './case-labels.ts';
import { CaseForm } from './case-card.tsx';

type CaseService = CaseData['services'][number];

/** The services recorded in the case, and "record a service in this case" (this person, program and unit). */
export function CaseServices({ c, canWrite, onRecorded }: { c: CaseData; canWrite: boolean; onRecorded: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const columns: Column<CaseService>[] = [
    { key: 'date', header: t('field.date'), render: (s) => wallClock(intlTag(i18n.locale), s.date) },
    { key: 'service', header: t('field.service'), render: (s) => serviceLabel(i18n, s.service) },
    { key: 'worker', header: t('field.workerId'), render: (s) => (s.worker ? <bdi>{s.worker.displayName}</bdi> : '—') },
    { key: 'unit', header: t('field.orgUnitId'), render: (s) => <bdi>{s.orgUnit.name}</bdi> },
  ];
  return (
    <Card
      title={t('cases.services.title')}
      footer={
        canWrite && !recording ? (
          <Button variant="primary" onClick={() => (setSaved(null), setRecording(true))}>
            {t('cases.services.record')}
          </Button>
        ) : undefined
      }
    >
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <Table caption={t('cases.services.title')} columns={columns} rows={c.services} rowKey={(s) => s.id} empty={t('cases.services.none')} />
      {recording ? (
        <ServiceForm
          c={c}
          onCancel={() => setRecording(false)}
          onSaved={(text) => {
            setSaved(text);
            setRecording(false);
            onRecorded();
          }}
        />
      ) : null}
    </Card>
  );
}

function ServiceForm({ c, onCancel, onSaved }: { c: CaseData; onCancel: () => void; onSaved: (text: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const catalogue = useApi(() => getCatalogue(), []);
  const [contactId] = useState(newId);
  const [date, setDate] = useState(todayIso);
  const [row, setRow] = useState<ServiceDraft>(newServiceDraft);
  const form = useFormSubmit({ alertsInvalid: true });
  const program = catalogue.data?.programs.find((p) => p.code === c.program);

  const submit = async () => {
    form.begin();
    const year = Number(date.slice(0, 4)) || new Date().getFullYear();
    const input = {
      contactId,
      beneficiaryId: c.beneficiary.id,
      date,
      orgUnitId: c.orgUnit.id,
      program: c.program,
      caseId: c.id,
      services: [entryOf(row, year)],
    };
    const checked = validate(RecordContact, input);
    const more = fieldErrorsOf(i18n, serviceIssues(row, program, 'services.0.', year));
    if (!form.check(checked, more)) return;
    await form.send(async () => {
      const result = await recordContact(checked.data);
      onSaved(t('cases.services.saved', { services: result.services.map((s) => serviceLabel(i18n, s.service)).join(t('cases.listSeparator')) }));
    });
  };

  if (catalogue.error) return <Alert tone="error">{describeError(i18n, catalogue.error)}</Alert>;
  if (!catalogue.data) return <Loading label={t('app.loading')} />;
  return (
    <CaseForm label={t('cases.services.record')} form={form} onSubmit={submit} onCancel={onCancel} nested>
      <p className="muted">{t('cases.services.hint', { unit: c.orgUnit.name })}</p>
      <TextField label={t('field.date')} type="date" value={date} required error={form.errors.date} onChange={setDate} />
      <FieldGroup legend={t('field.service')}>
        <ServiceFields draft={row} onChange={setRow} services={program?.services ?? []} errors={form.errors} at="services.0." />
      </FieldGroup>
      {form.errors.caseId ? <p className="field-error">{form.errors.caseId}</p> : null}
    </CaseForm>
  );
}
