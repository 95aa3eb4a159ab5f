import { useEffect, useState, type FormEvent } from 'react';
import { NewAssignment, UpdateUser, type Locale, type User } from '@relais/core';
import { addAssignment, getUser, removeAssignment, updateUser } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { changedFields } from '../../api/changes.ts';
import { validate } from '../../api/validate.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Button, Card, Checkbox, Form, Page, TextField } from '../../ui/index.ts';
import { LoadedPage } from '../../app/read-status.tsx';
import { FormButtons } from '../../app/form-buttons.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { LocaleSelect } from './locale-select.tsx';
import { programsLabel } from '../../i18n/labels.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { SecondFactorCard } from './second-factor-reset.tsx';
import { AssignmentFields, assignmentInput, emptyAssignment, recordingNote, type AssignmentDraft } from './assignment-fields.tsx';
import { confirmationErrors, NewPasswordFields, useNewPassword } from '../auth/new-password-fields.tsx';

/** One user: profile (name, language, active), password reset, second factor, assignments. */
export function UserEditPage({ userId }: { userId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useApi(() => getUser(userId), [userId]);
  const [justCreated] = useState(() => new URLSearchParams(window.location.search).has('created'));

  return (
    <LoadedPage of={user} title={t('users.title')} actions={<Link to="/users">{t('common.back')}</Link>}>
      {(u) => {
        return (
          <Page title={t('users.editTitle', { name: u.displayName })} intro={t('users.createdAt', { date: i18n.formatDate(u.createdAt) })} actions={<Link to="/users">{t('common.back')}</Link>}>
            {justCreated ? <Alert tone="success">{t('users.created', { name: u.displayName })}</Alert> : null}
            <div className="grid-2">
              <ProfileForm key={`profile-${u.id}`} user={u} onSaved={user.setData} />
              <PasswordResetForm user={u} onSaved={user.setData} />
              <SecondFactorCard user={u} onSaved={user.setData} />
            </div>
            <Assignments user={u} onSaved={user.setData} />
          </Page>
        );
      }}
    </LoadedPage>
  );
}

function ProfileForm({ user, onSaved }: { user: User; onSaved: (u: User) => void }) {
  const { t } = useI18n();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [active, setActive] = useState(user.active);
  const form = useFormSubmit();
  const { errors, busy, message } = form;

  const submit = async () => {
    form.begin();
    const checked = validate(UpdateUser, changedFields(user, { displayName, locale, active }));
    if (!form.check(checked)) return;
    if (Object.keys(checked.data).length === 0) return form.succeed(t('common.saved'));
    await form.send(async () => {
      onSaved(await updateUser(user.id, checked.data));
      form.succeed(t('common.saved'));
    });
  };

  return (
    <Card title={t('users.profile')}>
      <Form onSubmit={submit} message={message} actions={<FormButtons busy={busy} />}>
        <dl className="facts">
          <dt>{t('field.username')}</dt>
          <dd>
            <bdi>{user.username}</bdi>
          </dd>
        </dl>
        <TextField label={t('field.displayName')} value={displayName} onChange={setDisplayName} error={errors.displayName} required />
        <LocaleSelect value={locale} onChange={setLocale} error={errors.locale} />
        <Checkbox label={t('users.accountActive')} checked={active} onChange={setActive} error={errors.active} />
      </Form>
    </Card>
  );
}

function PasswordResetForm({ user, onSaved }: { user: User; onSaved: (u: User) => void }) {
  const { t } = useI18n();
  const newPassword = useNewPassword();
  const form = useFormSubmit();
  const { errors, busy, message } = form;

  const submit = async () => {
    form.begin();
    const checked = validate(UpdateUser, { password: newPassword.password });
    if (!form.check(checked, confirmationErrors(t, newPassword.password, newPassword.confirm))) return;
    await form.send(async () => {
      onSaved(await updateUser(user.id, checked.data));
      newPassword.clear();
      form.succeed(t('users.passwordReset'));
    });
  };

  return (
    <Card title={t('users.resetPassword')}>
      <Form onSubmit={submit} message={message} actions={<FormButtons busy={busy} variant="secondary">{t('users.resetPassword')}</FormButtons>}>
        <p className="field-hint">{t('users.resetPasswordHint')}</p>
        <NewPasswordFields label={t('field.newPassword')} value={newPassword} passwordError={errors.password} confirmError={errors.confirm} />
      </Form>
    </Card>
  );
}

function Assignments({ user, onSaved }: { user: User; onSaved: (u: User) => void }) {
  const { t } = useI18n();
  const ctx = useWorkContext();
  const [draft, setDraft] = useState<AssignmentDraft>(() => emptyAssignment(ctx.orgUnit?.id ?? ''));
  const form = useFormSubmit();
  const { errors, message } = form;
  /** The assignment being removed. */
  const [removing, setRemoving] = useState<string | null>(null);

  const contextUnitId = ctx.orgUnit?.id;
  useEffect(() => {
    if (contextUnitId) setDraft((d) => (d.orgUnitId ? d : { ...d, orgUnitId: contextUnitId }));
  }, [contextUnitId]);

  const remove = async (assignmentId: string) => {
    form.begin();
    setRemoving(assignmentId);
    try {
      onSaved(await removeAssignment(user.id, assignmentId));
      form.succeed(t('users.assignmentRemoved'));
    } catch (error) {
      form.fail(error);
    } finally {
      setRemoving(null);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    const checked = validate(NewAssignment, assignmentInput(draft));
    if (!form.check(checked)) return;
    await form.send(async () => {
      onSaved(await addAssignment(user.id, checked.data));
      setDraft(emptyAssignment(draft.orgUnitId));
      form.succeed(t('users.assignmentAdded'));
    });
  };

  return (
    <Card title={t('field.assignments')}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {user.assignments.length === 0 ? (
        <p className="muted">{t('users.noAssignments')}</p>
      ) : (
        <ul className="item-list">
          {user.assignments.map((a) => {
            const role = t(`role.${a.role}`);
            const note = recordingNote(t, ctx.units.map((n) => n.unit), { role: a.role, orgUnitId: a.orgUnit.id });
            return (
              <li key={a.id} className="item">
                <div>
                  <strong>{role}</strong> — {a.orgUnit.name}
                  <div className="muted">{programsLabel(t, a.programs)}</div>
                  {note ? <div className={note.warn ? 'field-error' : 'field-hint'} data-testid="recording-note">{note.text}</div> : null}
                </div>
                <Button
                  size="small"
                  variant="danger"
                  busy={removing === a.id}
                  aria-label={t('users.removeAssignmentOf', { role, unit: a.orgUnit.name })}
                  onClick={() => void remove(a.id)}
                >
                  {t('common.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="form" onSubmit={(e) => void add(e)} noValidate>
        <AssignmentFields
          draft={draft}
          onChange={setDraft}
          errors={errors}
          prefix=""
          legend={t('users.newAssignment')}
          actions={
            <Button type="submit" busy={form.busy}>
              {t('users.addAssignment')}
            </Button>
          }
        />
      </form>
    </Card>
  );
}
