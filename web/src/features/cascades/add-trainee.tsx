import { useState } from 'react';
import { AttendanceInput, sexes, traineeKinds } from '@relais/core';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { Alert, Form, RadioGroup, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { numberOrText } from '../capture/service-draft.ts';
import { addAttendance, type TraineeData, type TrainingData } from './cascades-api.ts';
import { TraineeSearch } from './trainee-search.tsx';
import { MarkRequired } from '../../app/mark-required.tsx';

const blank = { kind: '', name: '', sex: '', birthYear: '', organisation: '', function: '' };

/** Adds a person to a training: one trained before (found by name) or a new one described here. */
export function AddTrainee({ training, onAdded }: { training: TrainingData; onAdded: (d: TrainingData) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'before' | 'new'>('new');
  const [draft, setDraft] = useState(blank);
  const [id, setId] = useState(newId);
  const form = useFormSubmit();
  const { errors } = form;
  const set = (key: keyof typeof blank) => (value: string) => setDraft({ ...draft, [key]: value });
  const enrolled = training.attendance.map((a) => a.trainee.id);

  const send = async (body: unknown, name: string) => {
    const checked = validate(AttendanceInput, body);
    if (!form.check(checked)) return;
    await form.send(async () => {
      onAdded(await addAttendance(training.training.id, checked.data));
      form.succeed(t('cascades.added', { name }));
      setDraft(blank);
      setId(newId());
    });
  };
  const pick = (x: TraineeData) => {
    form.begin();
    void send({ traineeId: x.id }, x.name);
  };
  const submitNew = async () => {
    form.begin();
    const trainee = {
      id,
      kind: draft.kind,
      name: draft.name,
      sex: draft.sex,
      birthYear: draft.birthYear.trim() ? numberOrText(draft.birthYear) : null,
      organisation: draft.organisation.trim() || null,
      function: draft.function.trim() || null,
    };
    await send({ trainee }, draft.name.trim());
  };
  // Issues on the new person come back under `trainee.<field>`.
  const err = (field: string) => errors[`trainee.${field}`];

  return (
    <MarkRequired>
      <section className="stack" aria-label={t('cascades.addPerson')}>
        <h3 className="subheading">{t('cascades.addPerson')}</h3>
        {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
        <RadioGroup
          legend={t('cascades.whoToAdd')}
          value={mode}
          options={[
            { value: 'new', label: t('cascades.newPerson') },
            { value: 'before', label: t('cascades.trainedBefore') },
          ]}
          onChange={(v) => setMode(v as 'before' | 'new')}
        />
        {mode === 'before' ? (
          <TraineeSearch onPick={pick} exclude={enrolled} pickLabel={(name) => t('cascades.take', { name })} />
        ) : (
          <Form className="stack" aria-label={t('cascades.newPerson')} onSubmit={submitNew} actions={<FormButtons busy={form.busy}>{t('cascades.addSubmit')}</FormButtons>}>
            <div className="grid-2">
              <Select
                label={t('field.kind')}
                value={draft.kind}
                required
                error={err('kind')}
                options={[{ value: '', label: t('cascades.choose') }, ...traineeKinds.map((k) => ({ value: k, label: t(`trainee_kind.${k}`) }))]}
                onChange={set('kind')}
              />
              <TextField label={t('field.name')} hint={t('cascades.nameHint')} value={draft.name} maxLength={200} required error={err('name')} onChange={set('name')} />
              <Select
                label={t('field.sex')}
                value={draft.sex}
                required
                error={err('sex')}
                options={[{ value: '', label: t('cascades.choose') }, ...sexes.map((s) => ({ value: s, label: t(`sex.${s}`) }))]}
                onChange={set('sex')}
              />
              <TextField label={t('field.birthYear')} value={draft.birthYear} inputMode="numeric" dir="ltr" maxLength={4} error={err('birthYear')} onChange={set('birthYear')} />
              <TextField label={t('field.organisation')} value={draft.organisation} maxLength={200} error={err('organisation')} onChange={set('organisation')} />
              <TextField label={t('field.function')} value={draft.function} maxLength={200} error={err('function')} onChange={set('function')} />
            </div>
          </Form>
        )}
      </section>
    </MarkRequired>
  );
}
