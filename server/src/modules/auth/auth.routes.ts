import type { FastifyReply } from 'fastify';
import { LocaleUpdate, LoginLockouts, LoginRequest, Me, Ok, PasswordChange } from '@relais/core';
import { ok, type Router } from '../../http/router.ts';
import type { Config } from '../../config.ts';
import { meOf, type AuthService, type NewSession } from './auth.service.ts';
import { DEVICE_COOKIE } from './device-cookie.ts';

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

export function registerAuthRoutes(router: Router, auth: AuthService, config: Config): void {
  router.public({
    method: 'POST',
    url: '/auth/login',
    summary: 'Log in with organisation code, username and password; sets the session cookie',
    tag: 'auth',
    body: LoginRequest,
    response: Me,
    errors: ['invalid_credentials', 'account_inactive', 'login_throttled'],
    handler: async ({ body, request, reply }) => {
      const { session, actor, deviceCookie } = await auth.login(body, request.ip, request.cookies[DEVICE_COOKIE]);
      setSessionCookie(reply, config, session);
      // The device is known from now on: failures from elsewhere never lock it out (ADR 0024).
      reply.setCookie(DEVICE_COOKIE, deviceCookie, { httpOnly: true, sameSite: 'strict', secure: config.session.secureCookies, path: '/api/v1/auth/login', maxAge: 365 * 86_400 });
      return meOf(actor);
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
    handler: async ({ ctx, reply }) => {
      await auth.logout(ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });
  router.session({
    method: 'GET',
    url: '/auth/me',
    summary: 'The logged-in user, her assignments, permissions and CSRF token',
    tag: 'auth',
    response: Me,
    handler: async ({ ctx }) => meOf(ctx.actor),
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
    handler: ({ ctx, body }) => ok(auth.setLocale(ctx, body.locale)),
  });
}
