import { useEffect, useState, type FormEvent } from 'react';
import { locales, NewAssignment, UpdateUser, type Locale, type User } from '@relais/core';
import { addAssignment, getUser, removeAssignment, updateUser } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { validate } from '../../api/validate.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Button, Card, Checkbox, Loading, Page, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError, fieldErrorsOf, fieldErrorsOfError, type FieldErrors } from '../../i18n/errors.ts';
import { programsLabel } from '../../i18n/labels.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { AssignmentFields, assignmentInput, emptyAssignment, type AssignmentDraft } from './assignment-fields.tsx';
import { NewPasswordFields } from '../auth/new-password-fields.tsx';

type Message = { tone: 'error' | 'success'; text: string } | null;

/** One user: profile (name, language, active), password reset, assignments. */
export function UserEditPage({ userId }: { userId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useApi(() => getUser(userId), [userId]);
  const [justCreated] = useState(() => new URLSearchParams(window.location.search).has('created'));

  if (user.error && !user.data) {
    return (
      <Page title={t('users.title')} actions={<Link to="/users">{t('common.back')}</Link>}>
        <Alert tone="error">{describeError(i18n, user.error)}</Alert>
      </Page>
    );
  }
  if (!user.data) return <Loading label={t('app.loading')} />;
  const u = user.data;
  return (
    <Page title={t('users.editTitle', { name: u.displayName })} intro={t('users.createdAt', { date: i18n.formatDate(u.createdAt) })} actions={<Link to="/users">{t('common.back')}</Link>}>
      {justCreated ? <Alert tone="success">{t('users.created', { name: u.displayName })}</Alert> : null}
      <div className="grid-2">
        <ProfileForm key={`profile-${u.id}`} user={u} onSaved={user.setData} />
        <PasswordResetForm user={u} onSaved={user.setData} />
      </div>
      <Assignments user={u} onSaved={user.setData} />
    </Page>
  );
}

function ProfileForm({ user, onSaved }: { user: User; onSaved: (u: User) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [active, setActive] = useState(user.active);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const changes: Record<string, unknown> = {};
    if (displayName !== user.displayName) changes.displayName = displayName;
    if (locale !== user.locale) changes.locale = locale;
    if (active !== user.active) changes.active = active;
    const checked = validate(UpdateUser, changes);
    if (!checked.ok) {
      setErrors(fieldErrorsOf(i18n, checked.fields));
      return;
    }
    setErrors({});
    if (Object.keys(checked.data).length === 0) {
      setMessage({ tone: 'success', text: t('common.saved') });
      return;
    }
    setBusy(true);
    try {
      onSaved(await updateUser(user.id, checked.data));
      setMessage({ tone: 'success', text: t('common.saved') });
    } catch (error) {
      setErrors(fieldErrorsOfError(i18n, error));
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('users.profile')}>
      <form className="form" onSubmit={submit} noValidate>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <dl className="facts">
          <dt>{t('field.username')}</dt>
          <dd>
            <bdi>{user.username}</bdi>
          </dd>
        </dl>
        <TextField label={t('field.displayName')} value={displayName} onChange={setDisplayName} error={errors.displayName} required />
        <Select
          label={t('field.locale')}
          value={locale}
          options={locales.map((l) => ({ value: l, label: t(`locale.${l}`), lang: l }))}
          onChange={(v) => setLocale(v as Locale)}
          error={errors.locale}
        />
        <Checkbox label={t('users.accountActive')} checked={active} onChange={setActive} error={errors.active} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function PasswordResetForm({ user, onSaved }: { user: User; onSaved: (u: User) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const checked = validate(UpdateUser, { password });
    const fieldErrors = checked.ok ? {} : fieldErrorsOf(i18n, checked.fields);
    if (password !== confirm) fieldErrors.confirm = t('common.passwordMismatch');
    setErrors(fieldErrors);
    if (!checked.ok || Object.keys(fieldErrors).length) return;
    setBusy(true);
    try {
      onSaved(await updateUser(user.id, checked.data));
      setPassword('');
      setConfirm('');
      setMessage({ tone: 'success', text: t('users.passwordReset') });
    } catch (error) {
      setErrors(fieldErrorsOfError(i18n, error));
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('users.resetPassword')}>
      <form className="form" onSubmit={submit} noValidate>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <p className="field-hint">{t('users.resetPasswordHint')}</p>
        <NewPasswordFields
          label={t('field.newPassword')}
          password={password}
          onPassword={setPassword}
          confirm={confirm}
          onConfirm={setConfirm}
          passwordError={errors.password}
          confirmError={errors.confirm}
        />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {busy ? t('common.saving') : t('users.resetPassword')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Assignments({ user, onSaved }: { user: User; onSaved: (u: User) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const [draft, setDraft] = useState<AssignmentDraft>(() => emptyAssignment(ctx.orgUnit?.id ?? ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const contextUnitId = ctx.orgUnit?.id;
  useEffect(() => {
    if (contextUnitId) setDraft((d) => (d.orgUnitId ? d : { ...d, orgUnitId: contextUnitId }));
  }, [contextUnitId]);

  const remove = async (assignmentId: string) => {
    setMessage(null);
    setBusy(assignmentId);
    try {
      onSaved(await removeAssignment(user.id, assignmentId));
      setMessage({ tone: 'success', text: t('users.assignmentRemoved') });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(null);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const checked = validate(NewAssignment, assignmentInput(draft));
    if (!checked.ok) {
      setErrors(fieldErrorsOf(i18n, checked.fields));
      return;
    }
    setErrors({});
    setBusy('new');
    try {
      onSaved(await addAssignment(user.id, checked.data));
      setDraft(emptyAssignment(draft.orgUnitId));
      setMessage({ tone: 'success', text: t('users.assignmentAdded') });
    } catch (error) {
      setErrors(fieldErrorsOfError(i18n, error));
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(null);
    }
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
            return (
              <li key={a.id} className="item">
                <div>
                  <strong>{role}</strong> — {a.orgUnit.name}
                  <div className="muted">{programsLabel(t, a.programs)}</div>
                </div>
                <Button
                  size="small"
                  variant="danger"
                  busy={busy === a.id}
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
      <form className="form" onSubmit={add} noValidate>
        <AssignmentFields
          draft={draft}
          onChange={setDraft}
          errors={errors}
          prefix=""
          legend={t('users.newAssignment')}
          actions={
            <Button type="submit" busy={busy === 'new'}>
              {t('users.addAssignment')}
            </Button>
          }
        />
      </form>
    </Card>
  );
}
