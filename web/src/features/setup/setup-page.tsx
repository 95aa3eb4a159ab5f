import { useState } from 'react';
import { SetupRequest, type Me } from '@relais/core';
import { runSetup } from '../../api/endpoints.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { CodeTextField, FieldGroup, Form, Page, TextField } from '../../ui/index.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { confirmationErrors, NewPasswordFields, useNewPassword } from '../auth/new-password-fields.tsx';
import { UsernameField } from '../auth/username-field.tsx';
import { MarkRequired } from '../../app/mark-required.tsx';

/** First run: creates the organisation and its first administrator, then logs in. */
export function SetupPage({ onDone }: { onDone: (me: Me) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [orgCode, setOrgCode] = useState('');
  const [orgName, setOrgName] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const newPassword = useNewPassword();
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors, busy } = form;

  const submit = async () => {
    form.begin();
    const input = {
      organisation: { code: orgCode, name: orgName },
      admin: { username, displayName, password: newPassword.password },
      locale: i18n.locale,
    };
    const checked = validate(SetupRequest, input);
    if (!form.check(checked, confirmationErrors(t, newPassword.password, newPassword.confirm, 'admin.passwordConfirm'))) return;
    await form.send(async () => onDone(await runSetup(checked.data)));
  };

  return (
    <MarkRequired>
      <Page title={t('setup.title')} intro={t('setup.intro')} narrow>
        <Form className="form card" onSubmit={submit} message={form.message} actions={<FormButtons busy={busy}>{t('setup.submit')}</FormButtons>}>
          <FieldGroup legend={t('setup.organisation')}>
            <CodeTextField
              label={t('field.organisation.code')}
              hint={t('setup.orgCodeHint')}
              value={orgCode}
              onChange={setOrgCode}
              error={errors['organisation.code']}
              required
              autoComplete="organization"
            />
            <TextField
              label={t('field.organisation.name')}
              hint={t('setup.orgNameHint')}
              value={orgName}
              onChange={setOrgName}
              error={errors['organisation.name']}
              required
            />
          </FieldGroup>
          <FieldGroup legend={t('setup.admin')}>
            <UsernameField hint={t('setup.usernameHint')} value={username} onChange={setUsername} error={errors['admin.username']} autoComplete="username" />
            <TextField
              label={t('field.displayName')}
              value={displayName}
              onChange={setDisplayName}
              error={errors['admin.displayName']}
              required
              autoComplete="name"
            />
            <NewPasswordFields label={t('field.password')} value={newPassword} passwordError={errors['admin.password']} confirmError={errors['admin.passwordConfirm']} />
          </FieldGroup>
        </Form>
      </Page>
    </MarkRequired>
  );
}
