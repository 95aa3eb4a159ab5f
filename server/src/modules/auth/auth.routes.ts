import type { FastifyReply } from 'fastify';
import { AuthSettings, LocaleUpdate, LoginLockouts, LoginRequest, Me, Ok, PasswordChange, PreferencesUpdate, TotpConfirm, TotpDisable, TotpSetup } from '@relais/core';
import { ok, type Router } from '../../http/router.ts';
import type { Config } from '../../config.ts';
import type { AuthService, NewSession } from './auth.service.ts';
import { DEVICE_COOKIE } from './device-cookie.ts';
import type { SecondFactorService } from './second-factor.ts';

export const SESSION_COOKIE = 'relais_session';

/** Sets the session cookie: httpOnly, SameSite=Strict, expiring with the session. */
export function setSessionCookie(reply: FastifyReply, config: Config, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.session.secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
}

export function registerAuthRoutes(router: Router, auth: AuthService, secondFactor: SecondFactorService, config: Config): void {
  router.public({
    method: 'POST',
    url: '/auth/login',
    summary: 'Log in with organisation code, username and password; sets the session cookie',
    tag: 'auth',
    body: LoginRequest,
    response: Me,
    errors: ['invalid_credentials', 'account_inactive', 'login_throttled', 'totp_required', 'totp_invalid'],
    handler: async ({ body, request, reply }) => {
      const { session, actor, deviceCookie } = await auth.login(body, request.ip, request.cookies[DEVICE_COOKIE]);
      setSessionCookie(reply, config, session);
      // The device is known from now on: failures from elsewhere never lock it out (ADR 0024).
      reply.setCookie(DEVICE_COOKIE, deviceCookie, { httpOnly: true, sameSite: 'strict', secure: config.session.secureCookies, path: '/api/v1/auth/login', maxAge: 365 * 86_400 });
      return auth.me(actor);
    },
  });
  router.session({
    method: 'GET',
    url: '/auth/lockouts',
    summary: 'Accounts of the organisation locked now after failed logins (administrators of the root unit)',
    tag: 'auth',
    permission: 'user.manage',
    response: LoginLockouts,
    handler: ({ ctx }) => auth.listLockouts(ctx),
  });
  router.session({
    method: 'POST',
    url: '/auth/logout',
    summary: 'End the session',
    tag: 'auth',
    response: Ok,
    whileRestricted: true,
    handler: async ({ ctx, reply }) => {
      await auth.logout(ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });
  router.session({
    method: 'GET',
    url: '/auth/me',
    summary: 'The logged-in user, her assignments, permissions, second factor and CSRF token',
    tag: 'auth',
    response: Me,
    whileRestricted: true,
    handler: ({ ctx }) => auth.me(ctx.actor),
  });
  router.session({
    method: 'POST',
    url: '/auth/password',
    summary: 'Change one’s own password (other sessions end)',
    tag: 'auth',
    body: PasswordChange,
    response: Ok,
    handler: ({ ctx, body }) => ok(auth.changePassword(ctx, body)),
  });
  router.session({
    method: 'PUT',
    url: '/auth/locale',
    summary: 'Set the user’s language (fr, ar, en)',
    tag: 'auth',
    body: LocaleUpdate,
    response: Ok,
    whileRestricted: true,
    handler: ({ ctx, body }) => ok(auth.setLocale(ctx, body.locale)),
  });
  router.session({
    method: 'PUT',
    url: '/auth/preferences',
    summary: 'Set the user’s own preferences: the low-literacy mode (pictograms first on the field screens)',
    tag: 'auth',
    body: PreferencesUpdate,
    response: Ok,
    whileRestricted: true,
    handler: ({ ctx, body }) => ok(auth.setPreferences(ctx, body)),
  });
  router.session({
    method: 'POST',
    url: '/auth/second-factor',
    summary: 'Begin setting up a second factor (TOTP): a new secret and its otpauth link, on once a code is confirmed',
    tag: 'auth',
    response: TotpSetup,
    whileRestricted: true,
    handler: ({ ctx }) => secondFactor.begin(ctx),
  });
  router.session({
    method: 'POST',
    url: '/auth/second-factor/confirm',
    summary: 'Turn the second factor on with a code from the authenticator application',
    tag: 'auth',
    body: TotpConfirm,
    response: Ok,
    whileRestricted: true,
    handler: ({ ctx, body }) => ok(secondFactor.confirm(ctx, body.code)),
  });
  router.session({
    method: 'POST',
    url: '/auth/second-factor/disable',
    summary: 'Turn the second factor off (with one’s password); not when the organisation requires it of her',
    tag: 'auth',
    body: TotpDisable,
    response: Ok,
    errors: ['wrong_password', 'totp_required_by_organisation'],
    handler: ({ ctx, body }) => ok(secondFactor.disable(ctx, body.password)),
  });
  router.session({
    method: 'GET',
    url: '/auth/settings',
    summary: 'The organisation’s login rules (second factor required of administrators)',
    tag: 'auth',
    response: AuthSettings,
    handler: ({ ctx }) => secondFactor.settings(ctx.actor),
  });
  router.session({
    method: 'PUT',
    url: '/auth/settings',
    summary: 'Set the organisation’s login rules (administrators of the root unit); applies at the next login',
    tag: 'auth',
    permission: 'settings.manage',
    body: AuthSettings,
    response: AuthSettings,
    handler: ({ ctx, body }) => secondFactor.storeSettings(ctx, body),
  });
}
