import { incidentPlaces, perpetratorRelations, type IncidentInput } from '@relais/core';
import type { CaseData, CaseSettingsData } from '../../api/cases.ts';
import { Checkbox, RadioGroup, Select, TextField, type SelectOption } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { vocab } from './case-labels.ts';

/** The incident as the form edits it (strings for inputs; `incidentInput` converts). */
export interface IncidentDraft {
  date: string;
  time: string;
  timeUnknown: boolean;
  place: string;
  perpetrator: string;
  repeated: '' | 'yes' | 'no';
  violenceType: string;
  reportingConsent: boolean;
}

export const emptyIncident: IncidentDraft = { date: '', time: '', timeUnknown: false, place: '', perpetrator: '', repeated: '', violenceType: '', reportingConsent: false };

/** The draft of a recorded incident. */
export function incidentDraftOf(i: NonNullable<CaseData['incident']>): IncidentDraft {
  return {
    date: i.date,
    time: i.time ?? '',
    timeUnknown: i.time === null,
    place: i.place ?? '',
    perpetrator: i.perpetrator ?? '',
    repeated: i.repeated === null ? '' : i.repeated ? 'yes' : 'no',
    violenceType: i.violenceType ?? '',
    reportingConsent: i.reportingConsent,
  };
}

/** The incident sent: `at` is the date alone when the time is not known. */
export function incidentInput(d: IncidentDraft): Record<keyof IncidentInput, unknown> {
  return {
    at: d.timeUnknown || !d.time ? d.date : `${d.date}T${d.time}`,
    place: d.place || null,
    perpetrator: d.perpetrator || null,
    repeated: d.repeated === '' ? null : d.repeated === 'yes',
    violenceType: d.violenceType || null,
    reportingConsent: d.reportingConsent,
  };
}

/** The fields of an incident: date and time (or "time unknown"), violence type, perpetrator, place, repeated, consent. */
export function IncidentFields({ draft, onChange, settings, errors, at = 'incident.' }: {
  draft: IncidentDraft;
  onChange: (next: IncidentDraft) => void;
  settings: CaseSettingsData | undefined;
  errors: FieldErrors;
  at?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const set = <K extends keyof IncidentDraft>(key: K) => (value: IncidentDraft[K]) => onChange({ ...draft, [key]: value });
  const err = (field: string) => errors[`${at}${field}`];
  const types = settings?.violenceTypes ?? [];
  // A fact of the incident that may stay unsaid ("Non précisé") or take one of its values.
  const unsaidSelect = (key: 'violenceType' | 'perpetrator' | 'place', options: readonly SelectOption[]) => (
    <Select label={t(`field.incident.${key}`)} value={draft[key]} error={err(key)} options={[{ value: '', label: t('cases.notSaid') }, ...options]} onChange={set(key)} />
  );
  return (
    <div className="grid-2">
      <TextField label={t('cases.incident.date')} type="date" value={draft.date} required error={err('at')} onChange={set('date')} />
      {draft.timeUnknown ? <p className="field-hint">{t('cases.incident.timeUnknownHint')}</p> : <TextField label={t('cases.incident.time')} type="time" value={draft.time} onChange={set('time')} />}
      <Checkbox className="span-all" label={t('cases.incident.timeUnknown')} checked={draft.timeUnknown} onChange={set('timeUnknown')} />
      {unsaidSelect('violenceType', types.map((v) => ({ value: v.code, label: vocab(i18n, 'violence_type', v.code) })))}
      {unsaidSelect('perpetrator', perpetratorRelations.map((p) => ({ value: p, label: t(`perpetrator.${p}`) })))}
      {unsaidSelect('place', incidentPlaces.map((p) => ({ value: p, label: t(`incident_place.${p}`) })))}
      <RadioGroup
        legend={t('field.incident.repeated')}
        value={draft.repeated}
        options={[
          { value: 'yes', label: t('record.yes') },
          { value: 'no', label: t('record.no') },
        ]}
        onChange={(v) => set('repeated')(v === 'yes' ? 'yes' : 'no')}
      />
      <Checkbox label={t('field.incident.reportingConsent')} hint={t('cases.incident.consentHint')} checked={draft.reportingConsent} onChange={set('reportingConsent')} />
    </div>
  );
}
