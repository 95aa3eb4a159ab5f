import { useState } from 'react';
import { DeclineInput, DeliverInput, mayTransition, notDeliveredReasons, NotDeliveredInput, referralActions, type ReferralAction } from '@relais/core';
import { useAction } from '../../api/use-action.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';
import { Alert, Button, ConfirmDialog, Select, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { stepReferral, type ReferralData } from './referrals-api.ts';

/** The steps this reader may take on the referral now (core's states table): only those buttons show. */
export function allowedActions(r: Pick<ReferralData, 'status' | 'side' | 'toOrganisation'>): ReferralAction[] {
  return referralActions.filter((a) => mayTransition(a, r.status, r.side, r.toOrganisation !== null));
}

/** Actions with something to say first (a reason, a date): they open a small form. */
const withForm: readonly ReferralAction[] = ['decline', 'deliver', 'not_delivered'];

/** The buttons of the allowed steps; decline, deliver and not delivered ask their details, withdraw asks to confirm. */
export function ReferralActions({ r, canAct, onChange }: { r: ReferralData; canAct: boolean; onChange: (r: ReferralData, done: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const [open, setOpen] = useState<ReferralAction | null>(null);
  const allowed = canAct ? allowedActions(r) : [];
  if (!allowed.length) return null;
  const done = (next: ReferralData, a: ReferralAction) => {
    setOpen(null);
    onChange(next, t(`referrals.done.${a}`));
  };
  const run = (a: ReferralAction) => action.run(a, async () => {
    const next = await stepReferral(r.id, a);
    done(next, a);
    return t(`referrals.done.${a}`);
  });
  return (
    <section className="ref-actions" aria-label={t('referrals.actions')}>
      {action.message?.tone === 'error' ? <Alert tone="error">{action.message.text}</Alert> : null}
      <div className="ref-action-buttons">
        {allowed.map((a) => (
          <Button
            key={a}
            variant={a === 'accept' || a === 'deliver' ? 'primary' : a === 'withdraw' || a === 'decline' ? 'danger' : 'secondary'}
            busy={action.busy === a}
            aria-expanded={withForm.includes(a) ? open === a : undefined}
            onClick={() => (withForm.includes(a) || a === 'withdraw' ? setOpen(open === a ? null : a) : void run(a))}
          >
            {t(`referrals.action.${a}`)}
          </Button>
        ))}
      </div>
      {open === 'decline' ? <DeclineForm r={r} onDone={(n) => done(n, 'decline')} onCancel={() => setOpen(null)} /> : null}
      {open === 'deliver' ? <DeliverForm r={r} onDone={(n) => done(n, 'deliver')} onCancel={() => setOpen(null)} /> : null}
      {open === 'not_delivered' ? <NotDeliveredForm r={r} onDone={(n) => done(n, 'not_delivered')} onCancel={() => setOpen(null)} /> : null}
      {open === 'withdraw' ? (
        <ConfirmDialog
          title={t('referrals.withdrawTitle')}
          cancelLabel={t('record.cancel')}
          confirmLabel={t('referrals.action.withdraw')}
          describeFailure={(e) => describeError(i18n, e)}
          onClose={() => setOpen(null)}
          onConfirm={async () => done(await stepReferral(r.id, 'withdraw'), 'withdraw')}
        >
          <p>{t('referrals.withdrawBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

interface StepFormProps {
  r: ReferralData;
  onDone: (r: ReferralData) => void;
  onCancel: () => void;
}

function DeclineForm({ r, onDone, onCancel }: StepFormProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const form = useFormSubmit();
  const submit = async () => {
    form.begin();
    const checked = validate(DeclineInput, { reason });
    if (!form.check(checked)) return;
    await form.send(async () => onDone(await stepReferral(r.id, 'decline', checked.data)));
  };
  return (
    <SubmitForm label={t('referrals.action.decline')} form={form} onSubmit={submit} onCancel={onCancel} submitLabel={t('referrals.action.decline')} className="stack ref-step-form">
      <TextArea label={t('field.reason')} value={reason} required requiredLabel={t('common.requiredMark')} maxLength={500} error={form.errors.reason} onChange={setReason} />
    </SubmitForm>
  );
}

function DeliverForm({ r, onDone, onCancel }: StepFormProps) {
  const { t } = useI18n();
  const [on, setOn] = useState(todayIso);
  const [note, setNote] = useState('');
  const form = useFormSubmit();
  const submit = async () => {
    form.begin();
    const checked = validate(DeliverInput, { deliveredOn: on, note: note.trim() || null });
    if (!form.check(checked)) return;
    await form.send(async () => onDone(await stepReferral(r.id, 'deliver', checked.data)));
  };
  return (
    <SubmitForm label={t('referrals.action.deliver')} form={form} onSubmit={submit} onCancel={onCancel} submitLabel={t('referrals.deliverSubmit')} className="stack ref-step-form">
      <TextField label={t('field.deliveredOn')} type="date" value={on} min={r.sentOn} max={todayIso()} required requiredLabel={t('common.requiredMark')} error={form.errors.deliveredOn} onChange={setOn} />
      <TextArea label={t('field.note')} value={note} maxLength={2000} error={form.errors.note} onChange={setNote} />
    </SubmitForm>
  );
}

function NotDeliveredForm({ r, onDone, onCancel }: StepFormProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const form = useFormSubmit();
  const submit = async () => {
    form.begin();
    const checked = validate(NotDeliveredInput, { reason, note: note.trim() || null });
    if (!form.check(checked)) return;
    await form.send(async () => onDone(await stepReferral(r.id, 'not_delivered', checked.data)));
  };
  return (
    <SubmitForm label={t('referrals.action.not_delivered')} form={form} onSubmit={submit} onCancel={onCancel} submitLabel={t('referrals.action.not_delivered')} className="stack ref-step-form">
      <Select
        label={t('field.reason')}
        value={reason}
        required
        requiredLabel={t('common.requiredMark')}
        error={form.errors.reason}
        options={[{ value: '', label: t('referrals.choose') }, ...notDeliveredReasons.map((x) => ({ value: x, label: t(`referrals.notDelivered.${x}`) }))]}
        onChange={setReason}
      />
      <TextArea label={t('field.note')} value={note} maxLength={2000} error={form.errors.note} onChange={setNote} />
    </SubmitForm>
  );
}
