import { useEffect, useState } from 'react';
import { LoginRequest, type Me } from '@relais/core';
import { login, loginAnswered } from '../../api/endpoints.ts';
import { unlockVault } from '../../offline/vault.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { storage, storageKeys } from '../../app/storage.ts';
import { ApiError } from '../../api/client.ts';
import { Alert, Button, Form, Page, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PasswordField } from './password-field.tsx';
import { UsernameField } from './username-field.tsx';
import { TotpField } from './second-factor.tsx';
import { forgetTypedBeforeStart, takeEarlyLogin, typedBeforeStart, type EarlyLogin } from './prelogin.ts';

/** Login: organisation code (remembered on this device), username, password. */
export function LoginPage({ notice, onDone }: { notice?: 'session_expired' | 'unauthenticated' | 'logged_out' | undefined; onDone: (me: Me) => void }) {
  const { t } = useI18n();
  // What was typed into the login form of index.html while the app was loading (ADR 0025).
  const [typed] = useState(typedBeforeStart);
  const [organisation, setOrganisation] = useState(() => typed.organisation ?? storage.get(storageKeys.organisation) ?? '');
  const [username, setUsername] = useState(typed.username ?? '');
  const [password, setPassword] = useState(typed.password ?? '');
  useEffect(() => {
    forgetTypedBeforeStart();
    if (typed.focused) document.querySelector<HTMLInputElement>(`main input[autocomplete="${typed.focused}"]`)?.focus();
  }, [typed]);
  // Asked once the server says the password was right and the account has a second factor (ADR 0031).
  const [totp, setTotp] = useState<string | null>(null);
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;

  /** `early`: the login the written form already sent (its answer read here, not sent again). */
  const submit = async (early?: EarlyLogin) => {
    form.begin();
    const checked = validate(LoginRequest, early?.body ?? { organisation, username, password, ...(totp ? { totp } : {}) });
    if (!form.check(checked)) return;
    let asksCode = false;
    const isDone = await form.send(async () => {
      let me: Me;
      try {
        me = early ? await loginAnswered(early.answer) : await login(checked.data);
      } catch (error) {
        asksCode = error instanceof ApiError && (error.code === 'totp_required' || error.code === 'totp_invalid');
        throw error;
      }
      // The password the server accepted opens the data kept on this device (ADR 0027).
      await unlockVault(me.user.id, checked.data.password, true).catch((error: unknown) => console.error('offline store', error));
      onDone(me);
    });
    if (isDone) return;
    if (asksCode) setTotp('');
    else {
      setPassword('');
      setTotp(null);
    }
  };

  // A login the written form sent before the app arrived (ADR 0043): its answer goes through this
  // form (errors said, a second factor asked, the device's store opened with the password). Once,
  // when the page opens.
  useEffect(() => {
    const early = takeEarlyLogin();
    if (early) void submit(early);
  }, []);

  const noticeText =
    notice === 'logged_out' ? t('login.loggedOut') : notice === 'session_expired' ? t('error.session_expired') : null;
  return (
    <Page title={t('login.title')} intro={t('login.intro')} narrow>
      <Form className="form card" onSubmit={() => submit()} actions={
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('login.submit')}
          </Button>
        }>
        {form.message ? <Alert tone="error">{form.message.text}</Alert> : noticeText ? <Alert tone={notice === 'logged_out' ? 'info' : 'warning'}>{noticeText}</Alert> : null}
        <TextField
          label={t('field.organisation.code')}
          value={organisation}
          onChange={setOrganisation}
          error={errors.organisation}
          required
          autoCapitalize="characters"
          autoComplete="organization"
          spellCheck={false}
          dir="ltr"
        />
        <UsernameField value={username} onChange={setUsername} error={errors.username} autoComplete="username" />
        <PasswordField label={t('field.password')} value={password} onChange={setPassword} error={errors.password} autoComplete="current-password" />
        {totp !== null ? <TotpField value={totp} onChange={setTotp} error={errors.totp} /> : null}
      </Form>
    </Page>
  );
}
