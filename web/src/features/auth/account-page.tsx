import { useState, type FormEvent } from 'react';
import { PasswordChange } from '@relais/core';
import { changePassword } from '../../api/endpoints.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { LanguageSwitcher } from '../../app/language-switcher.tsx';
import { useSession } from '../../app/session.tsx';
import { Alert, Card, Page, SubmitButton, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { confirmationErrors, NewPasswordFields } from './new-password-fields.tsx';

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
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useFormSubmit();
  const { errors, busy, message } = form;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    const checked = validate(PasswordChange, { currentPassword, newPassword });
    if (!form.check(checked, confirmationErrors(t, newPassword, confirm))) return;
    await form.send(async () => {
      await changePassword(checked.data);
      setCurrent('');
      setNew('');
      setConfirm('');
      form.succeed(t('account.passwordChanged'));
    });
  };

  return (
    <Card title={t('account.password')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
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
          <SubmitButton busy={busy} busyLabel={t('common.saving')}>{t('account.password')}</SubmitButton>
        </div>
      </form>
    </Card>
  );
}
