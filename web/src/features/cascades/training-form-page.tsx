import { useState } from 'react';
import { TrainingInput, trainingKinds, trainingModalities } from '@relais/core';
import type { Catalogue } from '../../api/catalogue.ts';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { Alert, Button, Card, Form, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CapturePage } from '../capture/capture-page.tsx';
import { ProgramUnitFields, usePlaceDraft } from '../capture/place-fields.tsx';
import { todayIso } from '../registry/registry-labels.ts';
import { createTraining, type TraineeData } from './cascades-api.ts';
import { TraineeSearch } from './trainee-search.tsx';
import './cascades.css';
import { MarkRequired } from '../../app/mark-required.tsx';

/** A new training: program, unit, kind, theme, days, modality, partner, and who gave it when a person trained before did. */
export function TrainingFormPage() {
  return <CapturePage title="cascades.newTitle" intro="cascades.newIntro" form={TrainingForm} />;
}

function TrainingForm({ catalogue }: { catalogue: Catalogue }) {
  const { t } = useI18n();
  const [id] = useState(newId);
  const [place, setPlace] = usePlaceDraft(catalogue);
  const [kind, setKind] = useState('');
  const [theme, setTheme] = useState('');
  const [startOn, setStartOn] = useState(todayIso);
  const [endOn, setEndOn] = useState(todayIso);
  const [modality, setModality] = useState<string>('in_person');
  const [partner, setPartner] = useState('');
  const [ledBy, setLedBy] = useState<TraineeData | null>(null);
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;

  const submit = async () => {
    form.begin();
    const checked = validate(TrainingInput, {
      id,
      program: place.program,
      orgUnitId: place.unitId,
      kind,
      theme,
      startOn,
      endOn,
      modality,
      partner: partner.trim() || null,
      ledByTraineeId: ledBy?.id ?? null,
    });
    if (!form.check(checked)) return;
    await form.send(async () => {
      const saved = await createTraining(checked.data);
      navigate(`/trainings/${encodeURIComponent(saved.training.id)}`);
    });
  };

  return (
    <MarkRequired>
      <Form className="stack" aria-label={t('cascades.newTitle')} onSubmit={submit} actions={<FormButtons busy={form.busy}>{t('cascades.submitTraining')}</FormButtons>}>
        {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
        <Card title={t('cascades.newTitle')}>
          <div className="grid-2">
            <ProgramUnitFields place={place} onChange={setPlace} catalogue={catalogue} errors={errors} />
            <Select
              label={t('cascades.kind')}
              value={kind}
              required
              error={errors.kind}
              options={[{ value: '', label: t('cascades.choose') }, ...trainingKinds.map((k) => ({ value: k, label: t(`training_kind.${k}`) }))]}
              onChange={setKind}
            />
            <TextField label={t('field.theme')} value={theme} maxLength={200} required error={errors.theme} onChange={setTheme} />
            <TextField label={t('field.startOn')} type="date" value={startOn} max={todayIso()} required error={errors.startOn} onChange={setStartOn} />
            <TextField label={t('field.endOn')} type="date" value={endOn} max={todayIso()} required error={errors.endOn} onChange={setEndOn} />
            <Select label={t('cascades.modality')} value={modality} error={errors.modality} options={trainingModalities.map((m) => ({ value: m, label: t(`cascades.modality.${m}`) }))} onChange={setModality} />
            <TextField label={t('field.partner')} hint={t('cascades.partnerHint')} value={partner} maxLength={200} error={errors.partner} onChange={setPartner} />
          </div>
        </Card>
        <Card title={t('field.ledByTraineeId')}>
          {ledBy ? (
            <p className="casc-choice">
              <span>{t('cascades.leaderChosen', { name: ledBy.name })}</span>
              <Button size="small" variant="ghost" onClick={() => setLedBy(null)}>
                {t('cascades.change')}
              </Button>
            </p>
          ) : (
            <>
              <p className="field-hint">{t('cascades.ledByHint')}</p>
              <TraineeSearch onPick={setLedBy} pickLabel={(name) => t('cascades.chooseLeader', { name })} />
            </>
          )}
          {errors.ledByTraineeId ? <p className="field-error">{errors.ledByTraineeId}</p> : null}
        </Card>
        <p>
          <Link to="/trainings">{t('cascades.back')}</Link>
        </p>
      </Form>
    </MarkRequired>
  );
}
