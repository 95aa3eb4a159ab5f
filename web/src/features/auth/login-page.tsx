import { useState, type FormEvent } from 'react';
import { LoginRequest, type Me } from '@relais/core';
import { login } from '../../api/endpoints.ts';
import { validate } from '../../api/validate.ts';
import { storage, storageKeys } from '../../app/storage.ts';
import { Alert, Button, Page, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError, fieldErrorsOf, fieldErrorsOfError, type FieldErrors } from '../../i18n/errors.ts';

/** Login: organisation code (remembered on this device), username, password. */
export function LoginPage({ notice, onDone }: { notice?: 'session_expired' | 'unauthenticated' | 'logged_out' | undefined; onDone: (me: Me) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [organisation, setOrganisation] = useState(() => storage.get(storageKeys.organisation) ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const checked = validate(LoginRequest, { organisation, username, password });
    if (!checked.ok) {
      setErrors(fieldErrorsOf(i18n, checked.fields));
      setFailure(t('error.validation_failed'));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const me = await login(checked.data);
      onDone(me);
    } catch (error) {
      setErrors(fieldErrorsOfError(i18n, error));
      setFailure(describeError(i18n, error));
      setPassword('');
      setBusy(false);
    }
  };

  const noticeText =
    notice === 'logged_out' ? t('login.loggedOut') : notice === 'session_expired' ? t('error.session_expired') : null;
  return (
    <Page title={t('login.title')} intro={t('login.intro')} narrow>
      <form className="form card" onSubmit={submit} noValidate>
        {failure ? <Alert tone="error">{failure}</Alert> : noticeText ? <Alert tone={notice === 'logged_out' ? 'info' : 'warning'}>{noticeText}</Alert> : null}
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
        <TextField
          label={t('field.username')}
          value={username}
          onChange={setUsername}
          error={errors.username}
          required
          autoCapitalize="none"
          autoComplete="username"
          spellCheck={false}
          dir="ltr"
        />
        <TextField
          label={t('field.password')}
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          required
          autoComplete="current-password"
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
