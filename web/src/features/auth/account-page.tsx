import { useState, type FormEvent } from 'react';
import { PasswordChange } from '@relais/core';
import { changePassword } from '../../api/endpoints.ts';
import { validate } from '../../api/validate.ts';
import { LanguageSwitcher } from '../../app/language-switcher.tsx';
import { useSession } from '../../app/session.tsx';
import { Alert, Button, Card, Page, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError, fieldErrorsOf, fieldErrorsOfError, type FieldErrors } from '../../i18n/errors.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

/** My account: who I am, change my password, choose my language. */
export function AccountPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  return (
    <Page title={t('account.title')}>
      <div className="grid-2">
        <Card title={t('account.profile')}>
          <dl className="facts">
            <dt>{t('field.displayName')}</dt>
            <dd>{me.user.displayName}</dd>
            <dt>{t('field.username')}</dt>
            <dd>
              <bdi>{me.user.username}</bdi>
            </dd>
            <dt>{t('field.organisation')}</dt>
            <dd>
              <bdi>
                {me.organisation.name} ({me.organisation.code})
              </bdi>
            </dd>
          </dl>
        </Card>
        <Card title={t('account.language')}>
          <LanguageSwitcher label={t('account.language')} hideLabel />
          <p className="field-hint">{t('account.languageHint')}</p>
        </Card>
      </div>
      <PasswordForm />
    </Page>
  );
}

function PasswordForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const checked = validate(PasswordChange, { currentPassword, newPassword });
    const fieldErrors = checked.ok ? {} : fieldErrorsOf(i18n, checked.fields);
    if (newPassword !== confirm) fieldErrors.confirm = t('common.passwordMismatch');
    setErrors(fieldErrors);
    if (!checked.ok || Object.keys(fieldErrors).length) return;
    setBusy(true);
    try {
      await changePassword(checked.data);
      setCurrent('');
      setNew('');
      setConfirm('');
      setMessage({ tone: 'success', text: t('account.passwordChanged') });
    } catch (error) {
      setErrors(fieldErrorsOfError(i18n, error));
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('account.password')}>
      <form className="form" onSubmit={submit} noValidate>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <TextField
          label={t('field.currentPassword')}
          type="password"
          value={currentPassword}
          onChange={setCurrent}
          error={errors.currentPassword}
          autoComplete="current-password"
          required
        />
        <NewPasswordFields
          label={t('field.newPassword')}
          password={newPassword}
          onPassword={setNew}
          confirm={confirm}
          onConfirm={setConfirm}
          passwordError={errors.newPassword}
          confirmError={errors.confirm}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? t('common.saving') : t('account.password')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
