import { useState } from 'react';
import { IncidentInput } from '@relais/core';
import { getCaseSettings, updateCase, type CaseData } from '../../api/cases.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { vocab, wallClock } from './case-labels.ts';
import { emptyIncident, IncidentFields, incidentDraftOf, incidentInput, type IncidentDraft } from './incident-fields.tsx';
import { CaseForm, EditableCard, type CardFormProps } from './case-card.tsx';

/** The incident behind the case: shown, and changed in place by the case team. */
export function IncidentCard({ c, canWrite, onChange }: { c: CaseData; canWrite: boolean; onChange: (c: CaseData) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const i = c.incident;
  return (
    <EditableCard c={c} title={t('field.incident')} canWrite={canWrite} openLabel={i ? t('record.edit') : t('cases.incident.add')} onChange={onChange} form={IncidentForm} formReplaces>
      {i ? (
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
    </EditableCard>
  );
}

function IncidentForm({ c, onCancel, onSaved }: CardFormProps) {
  const { t } = useI18n();
  const settings = useApi(() => getCaseSettings(), []);
  const [draft, setDraft] = useState<IncidentDraft>(() => (c.incident ? incidentDraftOf(c.incident) : emptyIncident));
  const form = useFormSubmit({ alertsInvalid: true });
  const submit = async () => {
    form.begin();
    const checked = validate(IncidentInput, incidentInput(draft));
    if (!form.check(checked)) return;
    await form.send(async () => onSaved(await updateCase(c.id, { incident: checked.data })));
  };
  // The contract's paths are the incident's own fields: shown under `incident.`.
  const errors = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k.startsWith('incident.') ? k : `incident.${k}`, v]));
  return (
    <CaseForm label={t('field.incident')} form={form} onSubmit={submit} onCancel={onCancel}>
      <IncidentFields draft={draft} onChange={setDraft} settings={settings.data} errors={errors} />
    </CaseForm>
  );
}
