import { useState } from 'react';
import { PasswordChange } from '@relais/core';
import { changePassword } from '../../api/endpoints.ts';
import { rewrapVault } from '../../offline/vault.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { LanguageSwitcher } from '../../app/language-switcher.tsx';
import { useSession } from '../../app/session.tsx';
import { Card, Form, Page } from '../../ui/index.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PasswordField } from './password-field.tsx';
import { confirmationErrors, NewPasswordFields, useNewPassword } from './new-password-fields.tsx';
import { SecondFactorCard } from './second-factor.tsx';
import { DevicePinCard } from '../offline/device-pin-card.tsx';
import { LowLiteracySwitch } from '../capture/low-literacy.tsx';

/** My account: who I am, change my password, choose my language, my second factor. */
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
        <Card title={t('literacy.account')}>
          <LowLiteracySwitch />
        </Card>
      </div>
      <PasswordForm />
      <SecondFactorCard />
      <DevicePinCard />
    </Page>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const newPassword = useNewPassword();
  const form = useFormSubmit();
  const { errors, busy, message } = form;

  const submit = async () => {
    form.begin();
    const checked = validate(PasswordChange, { currentPassword, newPassword: newPassword.password });
    if (!form.check(checked, confirmationErrors(t, newPassword.password, newPassword.confirm))) return;
    await form.send(async () => {
      await changePassword(checked.data);
      await rewrapVault(newPassword.password);
      setCurrent('');
      newPassword.clear();
      form.succeed(t('account.passwordChanged'));
    });
  };

  return (
    <Card title={t('account.password')}>
      <Form onSubmit={submit} message={message} actions={<FormButtons busy={busy}>{t('account.password')}</FormButtons>}>
        <PasswordField label={t('field.currentPassword')} value={currentPassword} onChange={setCurrent} error={errors.currentPassword} autoComplete="current-password" />
        <NewPasswordFields label={t('field.newPassword')} value={newPassword} passwordError={errors.newPassword} confirmError={errors.confirm} />
      </Form>
    </Card>
  );
}
