import { useState } from 'react';
import { feedbackReasons, FeedbackInput, mayGiveFeedback, type FeedbackReason } from '@relais/core';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';
import { Card, CheckboxList, FieldGroup, RadioGroup, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { todayIso } from '../registry/registry-labels.ts';
import { giveFeedback, type ReferralData } from './referrals-api.ts';

/**
 * The person's own feedback on the service she was referred to, recorded by the sender's worker
 * once the receiver has answered; never shown to the receiver.
 */
export function ReferralFeedback({ r, canWrite, onChange }: { r: ReferralData; canWrite: boolean; onChange: (r: ReferralData, done: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (r.side !== 'sender' || !mayGiveFeedback(r.status)) return null;
  const f = r.feedback;
  if (!f && !canWrite) return null;
  return (
    <Card title={t('referrals.feedback.title')}>
      <p className="muted small">{t('referrals.feedback.hint')}</p>
      {f ? (
        <p>
          <strong>{t(f.satisfied ? 'referrals.feedback.yes' : 'referrals.feedback.no')}</strong>
          {f.reasons.length ? ` · ${f.reasons.map((x) => t(`feedback_reason.${x}`)).join(', ')}` : ''} · {i18n.formatDate(f.givenOn)}
          {f.comment ? (
            <>
              <br />
              <bdi>{f.comment}</bdi>
            </>
          ) : null}
        </p>
      ) : (
        <FeedbackForm r={r} onChange={onChange} />
      )}
    </Card>
  );
}

function FeedbackForm({ r, onChange }: { r: ReferralData; onChange: (r: ReferralData, done: string) => void }) {
  const { t } = useI18n();
  const [satisfied, setSatisfied] = useState('');
  const [reasons, setReasons] = useState<FeedbackReason[]>([]);
  const [comment, setComment] = useState('');
  const [givenOn, setGivenOn] = useState(todayIso);
  const form = useFormSubmit();
  const submit = async () => {
    form.begin();
    const checked = validate(FeedbackInput, { satisfied: satisfied === '' ? undefined : satisfied === 'yes', reasons, comment: comment.trim() || null, givenOn });
    if (!form.check(checked)) return;
    await form.send(async () => onChange(await giveFeedback(r.id, checked.data), t('referrals.feedback.saved')));
  };
  return (
    <SubmitForm label={t('referrals.feedback.title')} form={form} onSubmit={submit} submitLabel={t('referrals.feedback.submit')} className="stack">
      <RadioGroup
        legend={t('referrals.feedback.question')}
        value={satisfied}
        error={form.errors.satisfied}
        options={[
          { value: 'yes', label: t('referrals.feedback.yes') },
          { value: 'no', label: t('referrals.feedback.no') },
        ]}
        onChange={setSatisfied}
      />
      <FieldGroup legend={t('field.reasons')}>
        <CheckboxList options={feedbackReasons.map((x) => ({ value: x, label: t(`feedback_reason.${x}`) }))} values={reasons} onChange={setReasons} />
      </FieldGroup>
      <TextArea label={t('referrals.feedback.comment')} value={comment} maxLength={2000} error={form.errors.comment} onChange={setComment} />
      <TextField label={t('field.givenOn')} type="date" value={givenOn} max={todayIso()} error={form.errors.givenOn} onChange={setGivenOn} />
    </SubmitForm>
  );
}
