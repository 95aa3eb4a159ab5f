import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { directionOf, locales, type Locale, type Me } from '@relais/core';
import { ApiError, onUnauthenticated, setApiLocale, setCsrfToken } from '../api/client.ts';
import { getMe, getSetupStatus, logout, updateLocale } from '../api/endpoints.ts';
import { isReachable, onReachabilityChange } from '../api/reachability.ts';
import { Alert, Button, Loading } from '../ui/index.ts';
import { I18nProvider, loadCatalogue, useI18n } from '../i18n/i18n.tsx';
import { describeError } from '../i18n/errors.ts';
import { WorkContextProvider } from '../features/context/work-context.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { hasEarlyLogin } from '../features/auth/prelogin.ts';
import { SecondFactorRequiredPage } from '../features/auth/second-factor.tsx';
import { PublicFrame } from './public-frame.tsx';
import { navigate } from './router.tsx';
import { SessionProvider } from './session.tsx';
import { Shell } from './shell.tsx';
import { storage, storageKeys } from './storage.ts';
import { forgetSession, rememberSession, rememberedSession } from '../offline/offline-session.ts';
import { sendHeldPreferences, withHeldPreferences } from '../offline/offline-preferences.ts';
import { askPersistence } from '../offline/persistence.ts';
import { installOfflineReads } from '../offline/read-cache.ts';
import { lockVault } from '../offline/vault.ts';
import { VaultGate } from '../features/offline/vault-gate.tsx';

// First run only: not in the field entry (ADR 0025).
const SetupPage = lazy(() => import('../features/setup/setup-page.tsx').then((m) => ({ default: m.SetupPage })));

type Boot =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'setup' }
  | { kind: 'login'; notice?: 'session_expired' | 'unauthenticated' | 'logged_out' }
  /** `offline`: opened with the session remembered on this device, the server out of reach. */
  | { kind: 'ready'; me: Me; offline?: boolean };

/** The language of the last visit on this device (French the first time); `main.tsx` loads its catalogue before the app starts. */
export function initialLocale(): Locale {
  const saved = storage.get(storageKeys.locale);
  return saved && (locales as readonly string[]).includes(saved) ? (saved as Locale) : 'fr';
}

/** The root: decides between first-run setup, login and the logged-in shell; owns the language. */
export function App() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  // No session remembered on this device: the login form at once, not after the server's answers
  // (each round trip costs seconds on a slow network; ADR 0025). The start asks meanwhile.
  const [boot, setBoot] = useState<Boot>(() => (rememberedSession() ? { kind: 'loading' } : { kind: 'login' }));
  const [localeError, setLocaleError] = useState<unknown>(undefined);
  const meRef = useRef<Me | null>(null);
  /** The language last asked for: its catalogue may arrive after a later choice's. */
  const wantedLocale = useRef<Locale>(locale);

  const applyLocale = useCallback((next: Locale) => {
    setApiLocale(next);
    storage.set(storageKeys.locale, next);
    wantedLocale.current = next;
    // Its catalogue first (a chunk of its own, precached for offline use; ADR 0043): the screens
    // change language when it is there.
    loadCatalogue(next).then(
      () => {
        if (wantedLocale.current === next) setLocaleState(next);
      },
      (error: unknown) => console.error(`the ${next} catalogue could not load`, error),
    );
  }, []);

  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);

  const enter = useCallback(
    (answered: Me) => {
      // Her preferences changed on this device and not yet sent win (ADR 0042); they go now.
      const me = withHeldPreferences(answered);
      meRef.current = me;
      setCsrfToken(me.csrfToken);
      sendHeldPreferences(me.user.id).catch(() => undefined);
      storage.set(storageKeys.organisation, me.organisation.code);
      applyLocale(me.user.locale);
      setBoot({ kind: 'ready', me });
      void askPersistence();
    },
    [applyLocale],
  );

  /** No server: the session of the last online login on this device, if any (ADR 0025). */
  const enterOffline = useCallback((): boolean => {
    const remembered = rememberedSession();
    if (!remembered) return false;
    const me = withHeldPreferences(remembered);
    meRef.current = me;
    applyLocale(me.user.locale);
    setBoot({ kind: 'ready', me, offline: true });
    void askPersistence();
    return true;
  }, [applyLocale]);

  const leave = useCallback((notice: 'session_expired' | 'unauthenticated' | 'logged_out') => {
    // The data kept on the device stay, encrypted; the key goes (ADR 0027).
    lockVault();
    forgetSession();
    meRef.current = null;
    setCsrfToken(null);
    setBoot({ kind: 'login', notice });
  }, []);

  /**
   * Asks the server whether this is a first run and whether a session is open. `behindLogin`: the
   * login form is already shown (no session remembered here); the answers change it only to the
   * first-run setup or to an open session, and not once the worker has logged in meanwhile.
   */
  const start = useCallback(
    async (behindLogin = false) => {
      if (!behindLogin) setBoot({ kind: 'loading' });
      const superseded = () => behindLogin && meRef.current !== null;
      // The written form sent a login before the app started (ADR 0043): the login page reads its
      // answer (and opens the device's store with the password); a session the probe finds is that one.
      const isSessionSuperseded = () => superseded() || (behindLogin && hasEarlyLogin());
      // Both questions at once: on a slow network each round trip costs seconds (ADR 0025).
      const session = getMe().then(
        (me) => ({ me }),
        (error: unknown) => ({ error }),
      );
      try {
        const status = await getSetupStatus();
        if (superseded()) return;
        if (status.needsSetup) {
          setBoot({ kind: 'setup' });
          return;
        }
        const answer = await session;
        if (isSessionSuperseded()) return;
        if ('me' in answer) enter(answer.me);
        else if (answer.error instanceof ApiError && answer.error.status === 401) {
          if (!behindLogin) setBoot({ kind: 'login' });
        } else throw answer.error;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'network' && enterOffline()) return;
        // Behind the login form an unreachable server is said when she logs in.
        if (!behindLogin) setBoot({ kind: 'error', error });
      }
    },
    [enter, enterOffline],
  );

  // The session as the server last gave it (login, probe, profile or language change), for offline starts.
  useEffect(() => {
    if (boot.kind === 'ready' && boot.offline !== true) rememberSession(boot.me);
  }, [boot]);

  // Opened offline: when the network returns, the server says whether the session still holds
  // (and gives the CSRF token writes need).
  const isOfflineBoot = boot.kind === 'ready' && boot.offline === true;
  useEffect(() => {
    if (!isOfflineBoot) return;
    const probe = () => {
      getMe().then(enter, (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) leave('session_expired');
      });
    };
    // The browser's `online` event, or the server answering again (api/reachability.ts).
    return onReachabilityChange(() => {
      if (isReachable()) probe();
    });
  }, [isOfflineBoot, enter, leave]);

  useEffect(() => {
    setApiLocale(initialLocale());
    installOfflineReads(() => meRef.current?.user.locale ?? initialLocale());
    // A request answered 401 after she logged out (sent before) must not replace the login page's notice.
    onUnauthenticated((code) => {
      if (meRef.current) leave(code);
    });
    void start(rememberedSession() === null);
    return () => onUnauthenticated(null);
  }, [start, leave]);

  const changeLocale = useCallback(
    (next: Locale) => {
      applyLocale(next);
      setLocaleError(undefined);
      const me = meRef.current;
      if (!me || me.user.locale === next) return;
      const updated: Me = { ...me, user: { ...me.user, locale: next } };
      meRef.current = updated;
      // Opened offline, it stays so: the server's answer when the network returns confirms the session.
      setBoot((b) => ({ kind: 'ready', me: updated, ...(b.kind === 'ready' && b.offline ? { offline: true } : {}) }));
      updateLocale(next).catch((error: unknown) => setLocaleError(error));
    },
    [applyLocale],
  );

  // Opened offline, it stays so (a preference changed without network).
  const setMe = useCallback((me: Me) => {
    meRef.current = me;
    setBoot((b) => ({ kind: 'ready', me, ...(b.kind === 'ready' && b.offline ? { offline: true } : {}) }));
  }, []);

  // A preference changed without network goes when the network returns (ADR 0042).
  const userId = boot.kind === 'ready' ? boot.me.user.id : null;
  useEffect(() => {
    if (!userId) return;
    // The browser's `online` event, or the server answering again (api/reachability.ts).
    return onReachabilityChange(() => {
      if (isReachable()) void sendHeldPreferences(userId).catch(() => undefined);
    });
  }, [userId]);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // The session is dropped locally anyway; the server one expires.
    }
    navigate('/', { replace: true });
    leave('logged_out');
  }, [leave]);

  return (
    <I18nProvider locale={locale} setLocale={changeLocale}>
      {boot.kind === 'ready' ? (
        <SessionProvider value={{ me: boot.me, setMe, signOut }}>
          {boot.me.secondFactor.required && !boot.me.secondFactor.enabled ? (
            // A session restricted until a second factor is set up (ADR 0031): nothing else opens.
            <PublicFrame>
              <SecondFactorRequiredPage />
            </PublicFrame>
          ) : (
            <WorkContextProvider>
              {localeError ? <LocaleErrorBanner error={localeError} /> : null}
              <VaultGate offline={boot.offline === true}>
                <Shell />
              </VaultGate>
            </WorkContextProvider>
          )}
        </SessionProvider>
      ) : (
        <PublicFrame>
          {boot.kind === 'loading' ? <BootLoading /> : null}
          {boot.kind === 'error' ? <BootError error={boot.error} retry={() => void start()} /> : null}
          {boot.kind === 'setup' ? (
            <Suspense fallback={<BootLoading />}>
              <SetupPage onDone={enter} />
            </Suspense>
          ) : null}
          {boot.kind === 'login' ? <LoginPage notice={boot.notice} onDone={enter} /> : null}
        </PublicFrame>
      )}
    </I18nProvider>
  );
}

function BootLoading() {
  const { t } = useI18n();
  return <Loading label={t('app.loading')} />;
}

function BootError({ error, retry }: { error: unknown; retry: () => void }) {
  const i18n = useI18n();
  return (
    <Alert
      tone="error"
      action={
        <Button variant="primary" onClick={retry}>
          {i18n.t('app.retry')}
        </Button>
      }
    >
      {describeError(i18n, error)}
    </Alert>
  );
}

function LocaleErrorBanner({ error }: { error: unknown }) {
  const i18n = useI18n();
  return (
    <div className="banner">
      <Alert tone="warning">{describeError(i18n, error)}</Alert>
    </div>
  );
}
