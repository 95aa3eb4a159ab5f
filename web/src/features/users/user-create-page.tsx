import { useEffect, useState } from 'react';
import { CreateUser, type Locale } from '@relais/core';
import { createUser } from '../../api/endpoints.ts';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Link, navigate } from '../../app/router.tsx';
import { Alert, Button, FieldGroup, Form, Page, TextField } from '../../ui/index.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { LocaleSelect } from './locale-select.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { AssignmentFields, assignmentInput, emptyAssignment, type AssignmentDraft } from './assignment-fields.tsx';
import { confirmationErrors, NewPasswordFields, useNewPassword } from '../auth/new-password-fields.tsx';
import { UsernameField } from '../auth/username-field.tsx';
import { MarkRequired } from '../../app/mark-required.tsx';

/** Creates a user with one or more role assignments. */
export function UserCreatePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const [id] = useState(newId);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const newPassword = useNewPassword();
  const [locale, setLocale] = useState<Locale>(i18n.locale);
  const [assignments, setAssignments] = useState<AssignmentDraft[]>(() => [emptyAssignment(ctx.orgUnit?.id ?? '')]);
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors, busy } = form;

  // The work context loads after a direct visit: then default empty units to it.
  const contextUnitId = ctx.orgUnit?.id;
  useEffect(() => {
    if (contextUnitId) setAssignments((list) => list.map((a) => (a.orgUnitId ? a : { ...a, orgUnitId: contextUnitId })));
  }, [contextUnitId]);

  const submit = async () => {
    form.begin();
    const checked = validate(CreateUser, { id, username, displayName, password: newPassword.password, locale, assignments: assignments.map(assignmentInput) });
    if (!form.check(checked, confirmationErrors(t, newPassword.password, newPassword.confirm))) return;
    await form.send(async () => {
      const user = await createUser(checked.data);
      navigate(`/users/${user.id}?created=1`);
    });
  };

  const update = (i: number, d: AssignmentDraft) => setAssignments(assignments.map((a, j) => (j === i ? d : a)));
  return (
    <MarkRequired>
      <Page title={t('users.createTitle')} actions={<Link to="/users">{t('common.back')}</Link>}>
        <Form onSubmit={submit} message={form.message} actions={<FormButtons busy={busy}>{t('common.create')}</FormButtons>}>
          <div className="card">
            <FieldGroup legend={t('users.profile')}>
              <UsernameField hint={t('setup.usernameHint')} value={username} onChange={setUsername} error={errors.username} autoComplete="off" />
              <TextField
                label={t('field.displayName')}
                value={displayName}
                onChange={setDisplayName}
                error={errors.displayName}
                required
                autoComplete="off"
              />
              <LocaleSelect value={locale} onChange={setLocale} error={errors.locale} />
              <NewPasswordFields label={t('field.password')} value={newPassword} passwordError={errors.password} confirmError={errors.confirm} />
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
        </Form>
      </Page>
    </MarkRequired>
  );
}
