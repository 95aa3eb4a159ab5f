import { useState, type FormEvent } from 'react';
import { IncidentInput } from '@relais/core';
import { getCaseSettings, updateCase, type CaseData } from '../../api/cases.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Alert, Button, Card } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { vocab, wallClock } from './case-labels.ts';
import { emptyIncident, IncidentFields, incidentDraftOf, incidentInput, type IncidentDraft } from './incident-fields.tsx';
import { SaveCancel } from './save-cancel.tsx';

/** The incident behind the case: shown, and changed in place by the case team. */
export function IncidentCard({ c, canWrite, onChange }: { c: CaseData; canWrite: boolean; onChange: (c: CaseData) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [editing, setEditing] = useState(false);
  const i = c.incident;
  return (
    <Card
      title={t('field.incident')}
      footer={
        canWrite && !editing ? (
          <Button size="small" onClick={() => setEditing(true)}>
            {i ? t('record.edit') : t('cases.incident.add')}
          </Button>
        ) : undefined
      }
    >
      {editing ? (
        <IncidentForm c={c} onCancel={() => setEditing(false)} onSaved={(next) => (onChange(next), setEditing(false))} />
      ) : i ? (
        <dl className="facts case-facts">
          <dt>{t('field.incident.at')}</dt>
          <dd>
            {wallClock(intlTag(i18n.locale), i.time ? `${i.date}T${i.time}` : i.date)}
            {i.time ? null : <span className="muted"> ({t('cases.incident.timeUnknown')})</span>}
          </dd>
          <dt>{t('field.incident.violenceType')}</dt>
          <dd>
            {vocab(i18n, 'violence_type', i.violenceType)}
            {i.violenceFamily ? <span className="muted"> · {vocab(i18n, 'violence_family', i.violenceFamily)}</span> : null}
          </dd>
          <dt>{t('field.incident.perpetrator')}</dt>
          <dd>{vocab(i18n, 'perpetrator', i.perpetrator)}</dd>
          <dt>{t('field.incident.place')}</dt>
          <dd>{vocab(i18n, 'incident_place', i.place)}</dd>
          <dt>{t('field.incident.repeated')}</dt>
          <dd>{i.repeated === null ? '—' : i.repeated ? t('record.yes') : t('record.no')}</dd>
          <dt>{t('field.incident.reportingConsent')}</dt>
          <dd>{i.reportingConsent ? t('record.yes') : t('record.no')}</dd>
        </dl>
      ) : (
        <p className="muted">{t('cases.incident.none')}</p>
      )}
    </Card>
  );
}

function IncidentForm({ c, onCancel, onSaved }: { c: CaseData; onCancel: () => void; onSaved: (c: CaseData) => void }) {
  const { t } = useI18n();
  const settings = useApi(() => getCaseSettings(), []);
  const [draft, setDraft] = useState<IncidentDraft>(() => (c.incident ? incidentDraftOf(c.incident) : emptyIncident));
  const form = useFormSubmit({ alertsInvalid: true });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    const checked = validate(IncidentInput, incidentInput(draft));
    if (!form.check(checked)) return;
    await form.send(async () => onSaved(await updateCase(c.id, { incident: checked.data })));
  };
  // The contract's paths are the incident's own fields: shown under `incident.`.
  const errors = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k.startsWith('incident.') ? k : `incident.${k}`, v]));
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('field.incident')}>
      {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
      <IncidentFields draft={draft} onChange={setDraft} settings={settings.data} errors={errors} />
      <SaveCancel busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
