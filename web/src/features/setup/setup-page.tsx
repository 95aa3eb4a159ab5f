import { useState, type FormEvent } from 'react';
import { SetupRequest, type Me } from '@relais/core';
import { runSetup } from '../../api/endpoints.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Alert, FieldGroup, Page, SubmitButton, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { confirmationErrors, NewPasswordFields } from '../auth/new-password-fields.tsx';
import { UsernameField } from '../auth/username-field.tsx';

/** First run: creates the organisation and its first administrator, then logs in. */
export function SetupPage({ onDone }: { onDone: (me: Me) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [orgCode, setOrgCode] = useState('');
  const [orgName, setOrgName] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors, busy } = form;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    const input = {
      organisation: { code: orgCode, name: orgName },
      admin: { username, displayName, password },
      locale: i18n.locale,
    };
    const checked = validate(SetupRequest, input);
    if (!form.check(checked, confirmationErrors(t, password, confirm, 'admin.passwordConfirm'))) return;
    await form.send(async () => onDone(await runSetup(checked.data)));
  };

  const req = t('common.requiredMark');
  return (
    <Page title={t('setup.title')} intro={t('setup.intro')} narrow>
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
        {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
        <FieldGroup legend={t('setup.organisation')}>
          <TextField
            label={t('field.organisation.code')}
            hint={t('setup.orgCodeHint')}
            value={orgCode}
            onChange={setOrgCode}
            error={errors['organisation.code']}
            required
            requiredLabel={req}
            autoCapitalize="characters"
            autoComplete="organization"
            spellCheck={false}
            dir="ltr"
          />
          <TextField
            label={t('field.organisation.name')}
            hint={t('setup.orgNameHint')}
            value={orgName}
            onChange={setOrgName}
            error={errors['organisation.name']}
            required
            requiredLabel={req}
          />
        </FieldGroup>
        <FieldGroup legend={t('setup.admin')}>
          <UsernameField hint={t('setup.usernameHint')} value={username} onChange={setUsername} error={errors['admin.username']} requiredLabel={req} autoComplete="username" />
          <TextField
            label={t('field.displayName')}
            value={displayName}
            onChange={setDisplayName}
            error={errors['admin.displayName']}
            required
            requiredLabel={req}
            autoComplete="name"
          />
          <NewPasswordFields
            label={t('field.password')}
            password={password}
            onPassword={setPassword}
            confirm={confirm}
            onConfirm={setConfirm}
            passwordError={errors['admin.password']}
            confirmError={errors['admin.passwordConfirm']}
            requiredLabel={req}
          />
        </FieldGroup>
        <div className="form-actions">
          <SubmitButton busy={busy} busyLabel={t('common.saving')}>{t('setup.submit')}</SubmitButton>
        </div>
      </form>
    </Page>
  );
}
