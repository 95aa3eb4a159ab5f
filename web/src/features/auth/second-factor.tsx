import { useState } from 'react';
import { TotpConfirm, type Me, type TotpSetup } from '@relais/core';
import { getMe } from '../../api/endpoints.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert, Button, Card, Page, TextField } from '../../ui/index.ts';
import { PasswordField } from './password-field.tsx';
import { beginSecondFactor, confirmSecondFactor, disableSecondFactor } from './second-factor-api.ts';

/** The 6-digit code field of an authenticator application (also on the login page). */
export function TotpField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string | undefined }) {
  const { t } = useI18n();
  return (
    <TextField
      label={t('field.totp')}
      hint={t('secondFactor.codeHint')}
      value={value}
      onChange={(v) => onChange(v.replace(/\D/g, '').slice(0, 6))}
      error={error}
      inputMode="numeric"
      autoComplete="one-time-code"
      dir="ltr"
      required
    />
  );
}

/** Setting up: a new secret to type (or open) in the application, then a first code to confirm it. */
function Enrol({ onDone }: { onDone: (me: Me) => void }) {
  const { t } = useI18n();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const start = useFormSubmit();
  const form = useFormSubmit();
  if (!setup) {
    return (
      <SubmitForm className="form" label={t('secondFactor.turnOn')} form={start} submitLabel={t('secondFactor.turnOn')} onSubmit={async () => {
        start.begin();
        await start.send(async () => setSetup(await beginSecondFactor()));
      }}>
        <p>{t('secondFactor.why')}</p>
      </SubmitForm>
    );
  }
  const submit = async () => {
    form.begin();
    const checked = validate(TotpConfirm, { code });
    if (!form.check(checked)) return;
    await form.send(async () => {
      await confirmSecondFactor(checked.data.code);
      onDone(await getMe());
    });
  };
  return (
    <SubmitForm className="form" label={t('secondFactor.confirm')} form={form} submitLabel={t('secondFactor.confirm')} onSubmit={submit}>
      <ol className="steps-list">
        <li>{t('secondFactor.stepApp')}</li>
        <li>
          {t('secondFactor.stepKey')}
          <p className="secret-key" dir="ltr" data-testid="totp-secret">
            <bdi>{setup.secret}</bdi>
          </p>
          <a href={setup.otpauthUri}>{t('secondFactor.openInApp')}</a>
        </li>
        <li>{t('secondFactor.stepCode')}</li>
      </ol>
      <TotpField value={code} onChange={setCode} error={form.errors.code} />
    </SubmitForm>
  );
}

/** My account's card: the second factor on or off, set up or turned off (with the password; not when required). */
export function SecondFactorCard() {
  const { t } = useI18n();
  const { me, setMe } = useSession();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const form = useFormSubmit();
  const { enabled, required } = me.secondFactor;
  const turnOff = async () => {
    form.begin();
    await form.send(async () => {
      await disableSecondFactor(password);
      setPassword('');
      setMe(await getMe());
      setDone(t('secondFactor.isOff'));
    });
  };
  return (
    <Card title={t('secondFactor.title')}>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {!enabled ? (
        <Enrol onDone={(next) => {
          setMe(next);
          setDone(t('secondFactor.isOn'));
        }} />
      ) : required ? (
        <p>{t('secondFactor.onRequired')}</p>
      ) : (
        <SubmitForm className="form" label={t('secondFactor.turnOff')} form={form} submitLabel={t('secondFactor.turnOff')} onSubmit={turnOff}>
          <p>{t('secondFactor.onText')}</p>
          <PasswordField label={t('field.currentPassword')} value={password} onChange={setPassword} error={form.errors.password} autoComplete="current-password" />
        </SubmitForm>
      )}
    </Card>
  );
}

/** What an administrator sees first when her organisation requires a second factor she has not set up: nothing else opens before. */
export function SecondFactorRequiredPage() {
  const { t } = useI18n();
  const { setMe, signOut } = useSession();
  return (
    <Page title={t('secondFactor.requiredTitle')} intro={t('secondFactor.requiredIntro')} narrow>
      <Card title={t('secondFactor.title')}>
        <Enrol onDone={setMe} />
      </Card>
      <Button variant="secondary" onClick={() => void signOut()}>
        {t('shell.logout')}
      </Button>
    </Page>
  );
}
