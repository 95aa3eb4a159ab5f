import { adminScreens, captureScreens, dataScreens, registryScreens, reportScreens, type AdminScreen } from '../../app/nav.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Alert, Card, Page } from '../../ui/index.ts';
import { useT } from '../../i18n/i18n.tsx';
import { programsLabel } from '../../i18n/labels.ts';
import { useWorkContext } from '../context/work-context.tsx';

/** Home: who and where I am, and the screens my permissions open. */
export function HomePage() {
  const t = useT();
  const { me } = useSession();
  const ctx = useWorkContext();
  const screens = adminScreens.filter((s) => me.permissions.includes(s.permission));
  const registry = registryScreens.filter((s) => me.permissions.includes(s.permission));
  const capture = captureScreens.filter((s) => me.permissions.includes(s.permission));
  const data = dataScreens.filter((s) => me.permissions.includes(s.permission));
  const reports = reportScreens.filter((s) => me.permissions.includes(s.permission));

  return (
    <Page title={t('home.greeting', { name: me.user.displayName })} intro={t('app.tagline')}>
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

      <ScreenSection id="home-capture" title={t('home.capture')} screens={capture} />
      <ScreenSection id="home-registry" title={t('home.registry')} screens={registry} />
      <ScreenSection id="home-data" title={t('home.data')} screens={data} />
      <ScreenSection id="home-reports" title={t('home.reports')} screens={reports} />

      {screens.length > 0 ? (
        <section aria-labelledby="home-admin">
          <h2 id="home-admin" className="section-title">
            {t('home.admin')}
          </h2>
          <ul className="card-grid">
            <ScreenCardItems screens={screens} />
            <li className="card link-card">
              <Link to="/account" className="link-card-title">
                {t('shell.account')}
              </Link>
              <p>{t('home.card.account')}</p>
            </li>
          </ul>
        </section>
      ) : (
        <>
          <Alert tone="info">{t('home.fieldSoon')}</Alert>
          <ul className="card-grid">
            <li className="card link-card">
              <Link to="/account" className="link-card-title">
                {t('shell.account')}
              </Link>
              <p>{t('home.card.account')}</p>
            </li>
          </ul>
        </>
      )}
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

/** A titled group of screen cards; nothing when the user may open none of them. */
function ScreenSection({ id, title, screens }: { id: string; title: string; screens: readonly AdminScreen[] }) {
  if (screens.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      <ScreenCards screens={screens} />
    </section>
  );
}

function ScreenCards({ screens }: { screens: readonly AdminScreen[] }) {
  return (
    <ul className="card-grid">
      <ScreenCardItems screens={screens} />
    </ul>
  );
}
