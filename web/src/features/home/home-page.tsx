import { visibleGroups, type AdminScreen } from '../../app/nav.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Alert, Card, Page } from '../../ui/index.ts';
import { useT } from '../../i18n/i18n.tsx';
import { programsLabel } from '../../i18n/labels.ts';
import { usePersistence } from '../../offline/persistence.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { SetupChecklist } from '../setup/setup-checklist.tsx';
import { QuickContactShortcut } from '../capture/low-literacy.tsx';

/**
 * Home: for an administrator the first steps still to do; then the screens my permissions open,
 * grouped as in the navigation; then who and where I am.
 */
export function HomePage() {
  const t = useT();
  const { me } = useSession();
  const ctx = useWorkContext();
  const groups = visibleGroups(me.permissions);
  const persistence = usePersistence();

  return (
    <Page title={t('home.greeting', { name: me.user.displayName })} intro={t('app.tagline')}>
      {persistence === 'refused' || persistence === 'unsupported' ? <Alert tone="info">{t('offline.persistRefused')}</Alert> : null}
      <QuickContactShortcut />
      {me.permissions.includes('settings.manage') ? <SetupChecklist /> : null}
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`home-${g.id}`}>
          <h2 id={`home-${g.id}`} className="section-title">
            {t(g.label)}
          </h2>
          <ul className="card-grid">
            <ScreenCardItems screens={g.screens} />
            {g.id === 'admin' ? <AccountCard /> : null}
          </ul>
        </section>
      ))}
      {groups.some((g) => g.id === 'admin') ? null : (
        <>
          <Alert tone="info">{t('home.fieldSoon')}</Alert>
          <ul className="card-grid">
            <AccountCard />
          </ul>
        </>
      )}
      <div className="grid-2">
        <Card title={t('home.organisation')}>
          <p className="lead">
            <bdi>
              {me.organisation.name} <span className="muted">({me.organisation.code})</span>
            </bdi>
          </p>
          <h3 className="subheading">{t('home.roles')}</h3>
          <ul className="plain-list">
            {me.assignments.map((a) => (
              <li key={a.id}>
                {t('home.roleLine', { role: t(`role.${a.role}`), unit: a.orgUnit.name, programs: programsLabel(t, a.programs) })}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('home.context')}>
          <dl className="facts">
            <dt>{t('context.orgUnit')}</dt>
            <dd>{ctx.orgUnit ? ctx.orgUnit.name : t('context.noUnit')}</dd>
            <dt>{t('context.program')}</dt>
            <dd>{ctx.program ? t(`program.${ctx.program}`) : t('context.allPrograms')}</dd>
          </dl>
        </Card>
      </div>
    </Page>
  );
}

function ScreenCardItems({ screens }: { screens: readonly AdminScreen[] }) {
  const t = useT();
  return (
    <>
      {screens.map((s) => (
        <li key={s.to} className="card link-card">
          <Link to={s.to} className="link-card-title">
            {t(s.label)}
          </Link>
          <p>{t(s.description)}</p>
        </li>
      ))}
    </>
  );
}

function AccountCard() {
  const t = useT();
  return (
    <li className="card link-card">
      <Link to="/account" className="link-card-title">
        {t('shell.account')}
      </Link>
      <p>{t('home.card.account')}</p>
    </li>
  );
}
