import { useState, type FormEvent } from 'react';
import { SetupRequest, type Me } from '@relais/core';
import { runSetup } from '../../api/endpoints.ts';
import { validate } from '../../api/validate.ts';
import { Alert, Button, FieldGroup, Page, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError, fieldErrorsOf, fieldErrorsOfError, type FieldErrors } from '../../i18n/errors.ts';
import { NewPasswordFields } from '../auth/new-password-fields.tsx';

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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const input = {
      organisation: { code: orgCode, name: orgName },
      admin: { username, displayName, password },
      locale: i18n.locale,
    };
    const checked = validate(SetupRequest, input);
    const fieldErrors = checked.ok ? {} : fieldErrorsOf(i18n, checked.fields);
    if (password !== confirm) fieldErrors['admin.passwordConfirm'] = t('common.passwordMismatch');
    setErrors(fieldErrors);
    if (!checked.ok || Object.keys(fieldErrors).length > 0) {
      setFailure(t('error.validation_failed'));
      return;
    }
    setBusy(true);
    try {
      onDone(await runSetup(checked.data));
    } catch (error) {
      setErrors(fieldErrorsOfError(i18n, error));
      setFailure(describeError(i18n, error));
      setBusy(false);
    }
  };

  const req = t('common.requiredMark');
  return (
    <Page title={t('setup.title')} intro={t('setup.intro')} narrow>
      <form className="form card" onSubmit={submit} noValidate>
        {failure ? <Alert tone="error">{failure}</Alert> : null}
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
          <TextField
            label={t('field.username')}
            hint={t('setup.usernameHint')}
            value={username}
            onChange={setUsername}
            error={errors['admin.username']}
            required
            requiredLabel={req}
            autoCapitalize="none"
            autoComplete="username"
            spellCheck={false}
            dir="ltr"
          />
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
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? t('common.saving') : t('setup.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
