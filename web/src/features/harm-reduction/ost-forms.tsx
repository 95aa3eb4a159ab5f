import { useState } from 'react';
import { OST_MAX_DOSE_MG, OstDoseInput, OstEndInput, OstEpisodeInput, ostEndReasons } from '@relais/core';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';
import { RadioGroup, Select, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { defaultPlace, recordingUnits, unitOptions } from '../capture/place.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { changeOstDose, endOst, enterOst, type OstEpisodeData } from './harm-reduction-api.ts';

// The three forms of the OST register (ADR 0029): entering a person (a first entry or a re-entry),
// changing her dose from a day on, ending the episode (an interruption or an exit with its reason).
// Each checks with the core contract, then the server says what the contract cannot (dates).

/** A typed number, or undefined when the field is empty (the contract then says "required"). */
const numberOf = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** The daily dose in mg: a number field with the keypad of a phone. */
function DoseField({ value, onChange, error, label }: { value: string; onChange: (v: string) => void; error: string | undefined; label: string }) {
  const { t } = useI18n();
  return <TextField label={label} hint={t('ostForm.doseHint')} type="number" inputMode="numeric" min={1} max={OST_MAX_DOSE_MG} value={value} required requiredLabel={t('common.requiredMark')} error={error} onChange={onChange} />;
}

/** Enters a person on OST at a unit that dispenses (chosen here unless given: the day list's unit), start day, prescriber, first dose. */
export function OstEntryForm({ beneficiaryId, code, unitId: initialUnit, isReentry, onSaved, onCancel }: {
  beneficiaryId: string;
  code: string;
  unitId?: string | undefined;
  isReentry: boolean;
  onSaved: (e: OstEpisodeData) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ctx = useWorkContext();
  const units = recordingUnits(ctx.units);
  const req = t('common.requiredMark');
  const [id] = useState(newId);
  const [unitId, setUnitId] = useState(() => initialUnit ?? defaultPlace(ctx.units, ctx.orgUnit?.id).unitId);
  const [startDate, setStartDate] = useState(todayIso);
  const [prescriber, setPrescriber] = useState('');
  const [dose, setDose] = useState('');
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;
  const title = t(isReentry ? 'ostForm.reenterTitle' : 'ostForm.enterTitle', { code });
  const submit = async () => {
    form.begin();
    const checked = validate(OstEpisodeInput, { id, beneficiaryId, orgUnitId: unitId, startDate, prescriber, doseMg: numberOf(dose) });
    if (!form.check(checked)) return;
    await form.send(async () => onSaved(await enterOst(checked.data)));
  };
  return (
    <SubmitForm label={title} form={form} onSubmit={submit} onCancel={onCancel} submitLabel={t(isReentry ? 'ostForm.reenter' : 'ostForm.enter')} className="stack ost-form">
      <h3 className="subheading">{title}</h3>
      {initialUnit ? null : <Select label={t('ost.unit')} value={unitId} required requiredLabel={req} error={errors.orgUnitId} onChange={setUnitId} options={unitOptions(units, t('context.noUnit'))} />}
      <div className="grid-2">
        <TextField label={t('ostForm.startDate')} type="date" value={startDate} max={todayIso()} required requiredLabel={req} error={errors.startDate} onChange={setStartDate} />
        <DoseField label={t('ostForm.startDose')} value={dose} error={errors.doseMg} onChange={setDose} />
      </div>
      <TextField label={t('ostForm.prescriber')} hint={t('ostForm.prescriberHint')} value={prescriber} maxLength={120} required requiredLabel={req} error={errors.prescriber} onChange={setPrescriber} />
    </SubmitForm>
  );
}

/** Changes the daily dose of an open episode from a day on (today by default). */
export function OstDoseForm({ episode, onSaved, onCancel }: { episode: OstEpisodeData; onSaved: (e: OstEpisodeData) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const req = t('common.requiredMark');
  const [fromDate, setFromDate] = useState(todayIso);
  const [dose, setDose] = useState('');
  const [prescriber, setPrescriber] = useState('');
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;
  const submit = async () => {
    form.begin();
    const checked = validate(OstDoseInput, { fromDate, doseMg: numberOf(dose), prescriber: prescriber.trim() || null });
    if (!form.check(checked)) return;
    await form.send(async () => onSaved(await changeOstDose(episode.id, checked.data)));
  };
  return (
    <SubmitForm label={t('ostForm.doseTitle')} form={form} onSubmit={submit} onCancel={onCancel} submitLabel={t('ostForm.doseSubmit')} className="stack ost-form">
      <h3 className="subheading">{t('ostForm.doseTitle')}</h3>
      <div className="grid-2">
        <DoseField label={t('ostForm.newDose')} value={dose} error={errors.doseMg} onChange={setDose} />
        <TextField label={t('ostForm.fromDate')} type="date" value={fromDate} min={episode.startDate} required requiredLabel={req} error={errors.fromDate} onChange={setFromDate} />
      </div>
      <TextField label={t('ostForm.prescriber')} value={prescriber} maxLength={120} error={errors.prescriber} onChange={setPrescriber} />
    </SubmitForm>
  );
}

/** Ends an open episode: an interruption (she may come back: a re-entry) or an exit with its reason. */
export function OstEndForm({ episode, onSaved, onCancel }: { episode: OstEpisodeData; onSaved: (e: OstEpisodeData) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const req = t('common.requiredMark');
  const [endDate, setEndDate] = useState(todayIso);
  const [reason, setReason] = useState<string>('interrupted');
  const [note, setNote] = useState('');
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;
  const submit = async () => {
    form.begin();
    const checked = validate(OstEndInput, { endDate, reason, note: note.trim() || null });
    if (!form.check(checked)) return;
    await form.send(async () => onSaved(await endOst(episode.id, checked.data)));
  };
  return (
    <SubmitForm label={t('ostForm.endTitle')} form={form} onSubmit={submit} onCancel={onCancel} submitLabel={t('ostForm.endSubmit')} className="stack ost-form">
      <h3 className="subheading">{t('ostForm.endTitle')}</h3>
      <p className="muted small">{t('ostForm.endHint')}</p>
      <RadioGroup legend={t('ostForm.reason')} value={reason} error={errors.reason} options={ostEndReasons.map((r) => ({ value: r, label: t(`ost_end.${r}`) }))} onChange={setReason} />
      <TextField label={t('ostForm.endDate')} hint={t('ostForm.endDateHint')} type="date" value={endDate} min={episode.startDate} max={todayIso()} required requiredLabel={req} error={errors.endDate} onChange={setEndDate} />
      <TextArea label={t('ostForm.note')} value={note} maxLength={500} error={errors.note} onChange={setNote} />
    </SubmitForm>
  );
}
