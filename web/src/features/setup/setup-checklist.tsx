import type { SetupChecklist as Checklist } from '@relais/core';
import { getSetupChecklist } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Card, Icon } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import type { WebKey } from '../../i18n/fr.ts';

const steps: readonly { key: keyof Checklist; label: WebKey; to: string }[] = [
  { key: 'orgUnits', label: 'checklist.orgUnits', to: '/org-units' },
  { key: 'programs', label: 'checklist.programs', to: '/programs' },
  { key: 'users', label: 'checklist.users', to: '/users/new' },
  { key: 'imports', label: 'checklist.imports', to: '/imports' },
];

/**
 * The administrator's first steps after setup, on the home page: each step is read from the
 * organisation's data whenever the page opens, so it ticks itself once done. Gone when all are.
 */
export function SetupChecklist() {
  const i18n = useI18n();
  const { t } = i18n;
  const checklist = useApi(() => getSetupChecklist(), []);
  if (checklist.error) return <Alert tone="error">{describeError(i18n, checklist.error)}</Alert>;
  const data = checklist.data;
  if (!data) return null;
  const done = steps.filter((s) => data[s.key]).length;
  if (done === steps.length) return null;
  return (
    <Card title={t('checklist.title')} className="checklist">
      <p className="muted">
        {t('checklist.intro')} <strong>{t('checklist.progress', { done, total: steps.length })}</strong>
      </p>
      <ol className="checklist-steps">
        {steps.map((s) => {
          const isDone = data[s.key];
          return (
            <li key={s.key} className={isDone ? 'checklist-step is-done' : 'checklist-step'}>
              <span className="checklist-mark" aria-hidden="true">
                {isDone ? <Icon name="check" size={18} /> : null}
              </span>
              <Link to={s.to}>{t(s.label)}</Link>
              <span className={isDone ? 'tag tag-ok' : 'tag tag-off'}>{isDone ? t('checklist.done') : t('checklist.todo')}</span>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
