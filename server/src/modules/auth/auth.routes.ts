import type { FastifyReply } from 'fastify';
import { LocaleUpdate, LoginRequest, Me, Ok, PasswordChange } from '@relais/core';
import { ok, type Router } from '../../http/router.ts';
import type { Config } from '../../config.ts';
import { meOf, type AuthService, type NewSession } from './auth.service.ts';

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
      const { session, actor } = await auth.login(body, request.ip);
      setSessionCookie(reply, config, session);
      return meOf(actor);
    },
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
