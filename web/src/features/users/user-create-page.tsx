import { useEffect, useState, type FormEvent } from 'react';
import { CreateUser, locales, type Locale } from '@relais/core';
import { createUser } from '../../api/endpoints.ts';
import { newId } from '../../api/ids.ts';
import { validate } from '../../api/validate.ts';
import { Link, navigate } from '../../app/router.tsx';
import { Alert, Button, FieldGroup, Page, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError, fieldErrorsOf, fieldErrorsOfError, type FieldErrors } from '../../i18n/errors.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { AssignmentFields, assignmentInput, emptyAssignment, type AssignmentDraft } from './assignment-fields.tsx';
import { NewPasswordFields } from '../auth/new-password-fields.tsx';

/** Creates a user with one or more role assignments. */
export function UserCreatePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const [id] = useState(newId);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [locale, setLocale] = useState<Locale>(i18n.locale);
  const [assignments, setAssignments] = useState<AssignmentDraft[]>(() => [emptyAssignment(ctx.orgUnit?.id ?? '')]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The work context loads after a direct visit: then default empty units to it.
  const contextUnitId = ctx.orgUnit?.id;
  useEffect(() => {
    if (contextUnitId) setAssignments((list) => list.map((a) => (a.orgUnitId ? a : { ...a, orgUnitId: contextUnitId })));
  }, [contextUnitId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const checked = validate(CreateUser, { id, username, displayName, password, locale, assignments: assignments.map(assignmentInput) });
    const fieldErrors = checked.ok ? {} : fieldErrorsOf(i18n, checked.fields);
    if (password !== confirm) fieldErrors.confirm = t('common.passwordMismatch');
    setErrors(fieldErrors);
    if (!checked.ok || Object.keys(fieldErrors).length) {
      setFailure(t('error.validation_failed'));
      return;
    }
    setBusy(true);
    try {
      const user = await createUser(checked.data);
      navigate(`/users/${user.id}?created=1`);
    } catch (error) {
      setErrors(fieldErrorsOfError(i18n, error));
      setFailure(describeError(i18n, error));
      setBusy(false);
    }
  };

  const req = t('common.requiredMark');
  const update = (i: number, d: AssignmentDraft) => setAssignments(assignments.map((a, j) => (j === i ? d : a)));
  return (
    <Page title={t('users.createTitle')} actions={<Link to="/users">{t('common.back')}</Link>}>
      <form className="form" onSubmit={submit} noValidate>
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <div className="card">
          <FieldGroup legend={t('users.profile')}>
            <TextField
              label={t('field.username')}
              hint={t('setup.usernameHint')}
              value={username}
              onChange={setUsername}
              error={errors.username}
              required
              requiredLabel={req}
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
            />
            <TextField
              label={t('field.displayName')}
              value={displayName}
              onChange={setDisplayName}
              error={errors.displayName}
              required
              requiredLabel={req}
              autoComplete="off"
            />
            <Select
              label={t('field.locale')}
              value={locale}
              options={locales.map((l) => ({ value: l, label: t(`locale.${l}`), lang: l }))}
              onChange={(v) => setLocale(v as Locale)}
              error={errors.locale}
            />
            <NewPasswordFields
              label={t('field.password')}
              password={password}
              onPassword={setPassword}
              confirm={confirm}
              onConfirm={setConfirm}
              passwordError={errors.password}
              confirmError={errors.confirm}
              requiredLabel={req}
            />
          </FieldGroup>
        </div>
        <div className="card">
          <h2 className="card-title">{t('field.assignments')}</h2>
          <p className="field-hint">{t('users.assignmentsHint')}</p>
          {errors.assignments ? <Alert tone="error">{errors.assignments}</Alert> : null}
          {assignments.map((a, i) => (
            <AssignmentFields
              key={a.key}
              draft={a}
              onChange={(d) => update(i, d)}
              errors={errors}
              prefix={`assignments.${i}.`}
              legend={t('users.assignment', { n: i + 1 })}
              actions={
                assignments.length > 1 ? (
                  <Button size="small" variant="danger" onClick={() => setAssignments(assignments.filter((_, j) => j !== i))}>
                    {t('users.removeAssignment', { n: i + 1 })}
                  </Button>
                ) : null
              }
            />
          ))}
          <Button onClick={() => setAssignments([...assignments, emptyAssignment(ctx.orgUnit?.id ?? '')])}>{t('users.addAssignment')}</Button>
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? t('common.saving') : t('common.create')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
