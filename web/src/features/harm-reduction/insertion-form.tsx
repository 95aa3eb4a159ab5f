import { useState } from 'react';
import { completableSteps, insertionStepKinds, InsertionStepInput, InsertionStepUpdate, type InsertionStepKind } from '@relais/core';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';
import { RadioGroup, Select, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { defaultPlace, recordingUnits, unitOptions } from '../capture/place.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { addInsertionStep, updateInsertionStep, type InsertionStepData } from './harm-reduction-api.ts';

const completion = { yes: true, no: false, unknown: null } as const;
type Completion = keyof typeof completion;
const completionOf = (v: boolean | null): Completion => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

/**
 * A step of a person's insertion pathway (ADR 0033), new or followed up: its kind, what (the
 * training, the employer, the activity), where it is followed (new steps), its dates, whether a
 * training or an internship was completed, a note. Checked with the core contract before sending.
 */
export function InsertionForm({ beneficiaryId, step, onSaved, onCancel }: {
  beneficiaryId: string;
  /** The step followed up; a new step when absent. */
  step?: InsertionStepData | undefined;
  onSaved: (s: InsertionStepData) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ctx = useWorkContext();
  const units = recordingUnits(ctx.units);
  const req = t('common.requiredMark');
  const [id] = useState(newId);
  const [kind, setKind] = useState<InsertionStepKind>(step?.kind ?? 'training');
  const [activity, setActivity] = useState(step?.activity ?? '');
  const [unitId, setUnitId] = useState(() => defaultPlace(ctx.units, ctx.orgUnit?.id).unitId);
  const [startDate, setStartDate] = useState(step?.startDate ?? todayIso());
  const [endDate, setEndDate] = useState(step?.endDate ?? '');
  const [done, setDone] = useState<Completion>(completionOf(step?.completed ?? null));
  const [note, setNote] = useState(step?.note ?? '');
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;
  const completable = completableSteps.includes(kind);
  const title = step ? t('insertion.editTitle') : t('insertion.addTitle');

  const submit = async () => {
    form.begin();
    const fields = { kind, activity, startDate, endDate: endDate || null, completed: completable ? completion[done] : null, note: note.trim() || null };
    if (step) {
      const checked = validate(InsertionStepUpdate, fields);
      if (!form.check(checked)) return;
      await form.send(async () => onSaved(await updateInsertionStep(step.id, checked.data)));
    } else {
      const checked = validate(InsertionStepInput, { id, beneficiaryId, orgUnitId: unitId, ...fields });
      if (!form.check(checked)) return;
      await form.send(async () => onSaved(await addInsertionStep(checked.data)));
    }
  };

  return (
    <SubmitForm label={title} form={form} onSubmit={submit} onCancel={onCancel} submitLabel={t('insertion.save')} className="stack insertion-form">
      <h3 className="subheading">{title}</h3>
      <RadioGroup legend={t('insertion.kind')} value={kind} error={errors.kind} options={insertionStepKinds.map((k) => ({ value: k, label: t(`insertion_step.${k}`) }))} onChange={(v) => setKind(v as InsertionStepKind)} />
      <TextField label={t('field.activity')} hint={t('insertion.activityHint')} value={activity} maxLength={120} required requiredLabel={req} error={errors.activity} onChange={setActivity} />
      {step ? null : <Select label={t('insertion.unit')} value={unitId} required requiredLabel={req} error={errors.orgUnitId} onChange={setUnitId} options={unitOptions(units, t('context.noUnit'))} />}
      <div className="grid-2">
        <TextField label={t('field.startDate')} type="date" value={startDate} max={todayIso()} required requiredLabel={req} error={errors.startDate} onChange={setStartDate} />
        <TextField label={t('field.endDate')} hint={t('insertion.endHint')} type="date" value={endDate} min={startDate} error={errors.endDate} onChange={setEndDate} />
      </div>
      {completable ? (
        <RadioGroup
          legend={t('insertion.completed')}
          value={done}
          error={errors.completed}
          options={(['yes', 'no', 'unknown'] as const).map((c) => ({ value: c, label: t(`insertion.completed.${c}`) }))}
          onChange={(v) => setDone(v as Completion)}
        />
      ) : null}
      <TextArea label={t('ostForm.note')} value={note} maxLength={500} rows={2} error={errors.note} onChange={setNote} />
    </SubmitForm>
  );
}
