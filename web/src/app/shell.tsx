import { useState } from 'react';
import { Alert, Button, useMediaQuery } from '../ui/index.ts';
import { useT } from '../i18n/i18n.tsx';
import { ContextSwitcher } from '../features/context/context-switcher.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';
import { MainNav, PhoneNav } from './main-nav.tsx';
import { phoneShortcuts, visibleGroups } from './nav.ts';
import { useOnline } from './online.ts';
import { Link } from './router.tsx';
import { AppRoutes } from './routes.tsx';
import { useSession } from './session.tsx';
import { refreshOutboxCount, useOutbox } from '../offline/outbox.ts';

/** Below this width the header is one compact row and the navigation sits in a bottom bar. */
const phoneQuery = '(max-width: 47.99rem)';

/**
 * The logged-in frame: header (brand, navigation grouped by task, context, language, logout) and
 * the current screen; on a phone a compact header and a bottom bar with a "more" menu.
 */
export function Shell() {
  const t = useT();
  const { me, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const online = useOnline();
  const isPhone = useMediaQuery(phoneQuery);
  const groups = visibleGroups(me.permissions);
  const outbox = useOutbox();
  const logOut = async () => {
    // Unsent items stay on the device, encrypted: she is told before leaving (ADR 0027).
    const waiting = await refreshOutboxCount(me.user.id).catch(() => 0);
    if (waiting > 0 && !window.confirm(t('outbox.logoutConfirm', { count: waiting }))) return;
    setBusy(true);
    void signOut().finally(() => setBusy(false));
  };
  return (
    <div className={isPhone ? 'shell shell-phone' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-row">
          <Link to="/" className="brand">
            <img src="/icons/icon-192.png" alt="" width={isPhone ? 28 : 32} height={isPhone ? 28 : 32} className="brand-icon" />
            {t('app.name')}
          </Link>
          <span className="topbar-org" title={me.organisation.code} dir="auto">
            {me.organisation.name}
          </span>
          {outbox.count > 0 || !online ? (
            <Link to="/outbox" className="outbox-badge">
              {t('outbox.badge', { count: outbox.count })}
            </Link>
          ) : null}
          {isPhone ? null : (
            <div className="topbar-tools">
              <Link to="/account" className="topbar-link">
                {t('shell.account')}
              </Link>
              <LanguageSwitcher />
              <Button variant="ghost" size="small" busy={busy} onClick={() => void logOut()}>
                {t('shell.logout')}
              </Button>
            </div>
          )}
        </div>
        {isPhone ? null : (
          <>
            <MainNav groups={groups} />
            <ContextSwitcher />
          </>
        )}
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {online ? null : <Alert tone="warning">{t('app.offline')}</Alert>}
        <AppRoutes />
      </main>
      {isPhone ? <PhoneNav groups={groups} shortcuts={phoneShortcuts(me.permissions)} onSignOut={() => void logOut()} signingOut={busy} /> : null}
    </div>
  );
}
