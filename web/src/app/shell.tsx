import { useState } from 'react';
import { Alert, Button } from '../ui/index.ts';
import { useT } from '../i18n/i18n.tsx';
import { ContextSwitcher } from '../features/context/context-switcher.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';
import { adminScreens, captureScreens, dataScreens, registryScreens, reportScreens } from './nav.ts';
import { useOnline } from './online.ts';
import { Link } from './router.tsx';
import { AppRoutes } from './routes.tsx';
import { useSession } from './session.tsx';

/** The logged-in frame: header (brand, navigation, context, language, logout) and the current screen. */
export function Shell() {
  const t = useT();
  const { me, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const online = useOnline();
  const screens = [...captureScreens, ...registryScreens, ...dataScreens, ...reportScreens, ...adminScreens].filter((s) => me.permissions.includes(s.permission));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-row">
          <Link to="/" className="brand">
            <img src="/icons/icon-192.png" alt="" width={32} height={32} className="brand-icon" />
            {t('app.name')}
          </Link>
          <span className="topbar-org" title={me.organisation.code} dir="auto">
            {me.organisation.name}
          </span>
          <div className="topbar-tools">
            <LanguageSwitcher />
            <Button
              variant="ghost"
              size="small"
              busy={busy}
              onClick={() => {
                setBusy(true);
                void signOut().finally(() => setBusy(false));
              }}
            >
              {t('shell.logout')}
            </Button>
          </div>
        </div>
        <nav className="mainnav" aria-label={t('app.mainNav')}>
          <ul>
            <li>
              <Link to="/">{t('shell.home')}</Link>
            </li>
            {screens.map((s) => (
              <li key={s.to}>
                <Link to={s.to}>{t(s.label)}</Link>
              </li>
            ))}
            <li>
              <Link to="/account">{t('shell.account')}</Link>
            </li>
          </ul>
        </nav>
        <ContextSwitcher />
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {online ? null : <Alert tone="warning">{t('app.offline')}</Alert>}
        <AppRoutes />
      </main>
    </div>
  );
}
