import { DomainError, type Locale, type LoginLockouts, type LoginRequest, type Me, type PasswordChange, type PreferencesUpdate, type Role } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { Config } from '../../config.ts';
import { newToken, sha256 } from '../../lib/ids.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { checkPassword } from '../../lib/password-rules.ts';
import type { Secrets } from '../../lib/secrets.ts';
import { holdsAtRoot, permissionsOfActor, type Actor, type RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import * as repo from './auth.repository.ts';
import { deviceCookieAfterLogin, readDeviceCookie } from './device-cookie.ts';
import { organisationKeyPrefixes, readThrottleKey, throttleKeys, throttleRules } from './login-throttle.ts';
import { checkLoginCode, secondFactorRequired } from './second-factor.ts';


export interface NewSession {
  token: string;
  expiresAt: Date;
}

export function createAuthService(db: Queryable, config: Config, secrets: Secrets) {
  const idleMs = config.session.idleMinutes * 60_000;
  const rules = throttleRules(config.loginLimits);

  /** Opens a session for a user; the token goes in the cookie, only its hash in the database. */
  async function openSession(trx: Queryable, organisationId: string, userId: string, restricted: 'totp_setup' | null = null): Promise<NewSession> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + config.session.maxDays * 86_400_000);
    await repo.insertSession(trx, { token_hash: sha256(token), organisation_id: organisationId, user_id: userId, csrf_token: newToken(), expires_at: expiresAt, restricted });
    return { token, expiresAt };
  }

  /** The actor of a session token; the session slides while in use, within its absolute expiry. */
  async function resolveSession(token: string | undefined): Promise<Actor> {
    if (!token) throw new DomainError('unauthenticated');
    const tokenHash = sha256(token);
    const s = await repo.findSession(db, tokenHash);
    if (!s) throw new DomainError('unauthenticated');
    const now = Date.now();
    const lastSeen = new Date(s.last_seen_at).getTime();
    if (!s.active || new Date(s.expires_at).getTime() <= now || now - lastSeen > idleMs) {
      await repo.deleteSession(db, tokenHash);
      throw new DomainError(s.active ? 'session_expired' : 'unauthenticated');
    }
    if (now - lastSeen > 60_000) await repo.touchSession(db, tokenHash);
    return {
      userId: s.user_id,
      username: s.username,
      displayName: s.display_name,
      locale: s.locale as Locale,
      organisationId: s.organisation_id,
      organisationCode: s.organisation_code,
      organisationName: s.organisation_name,
      configVersion: s.config_version,
      assignments: s.assignments.map((a) => ({
        id: a.id,
        role: a.role as Role,
        orgUnitId: a.org_unit_id,
        orgUnitPath: a.org_unit_path,
        orgUnitCode: a.org_unit_code,
        orgUnitName: a.org_unit_name,
        programs: a.programs,
      })),
      session: { tokenHash, csrfToken: s.csrf_token, expiresAt: new Date(s.expires_at), restricted: s.restricted },
      secondFactor: s.totp_enabled_at !== null,
      lowLiteracy: s.low_literacy,
    };
  }

  return {
    openSession,
    resolveSession,

    /**
     * Checks the password, with throttling (ADR 0024): per account and address with back-off, per
     * address, per account from unknown devices; a device that logged in before as this account
     * (its signed cookie) is throttled only on its own failures. Opens a session and answers the
     * device cookie to set.
     */
    async login(input: LoginRequest, ip: string, deviceCookie?: string): Promise<{ session: NewSession; actor: Actor; deviceCookie: string }> {
      const org = await repo.findOrganisationByCode(db, input.organisation);
      const user = org ? await repo.findUserByUsername(db, org.id, input.username) : undefined;
      const device = readDeviceCookie(secrets, deviceCookie);
      const keys = throttleKeys(input, ip, user && device?.userIds.includes(user.id) ? device.id : null);
      const locked = await repo.lockedSeconds(db, keys.map((k) => k.key));
      if (locked > 0) throw new DomainError('login_throttled', { params: { minutes: Math.ceil(locked / 60) } });

      // Same work whether or not the account exists: no timing oracle on usernames.
      const isValid = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
      const fail = async (code: 'invalid_credentials' | 'totp_invalid') => {
        await db.transaction().execute(async (trx) => {
          const who = { organisationId: org?.id ?? '', actorId: user?.id ?? null, ip };
          if (org) await recordAudit(trx, who, { action: 'login_failed', entityType: 'user', entityId: user?.id ?? null, details: { username: input.username, ...(code === 'totp_invalid' ? { secondFactor: true } : {}) } });
          for (const { scope, key } of keys) {
            const { failures, lockedUntil } = await repo.countFailure(trx, key, rules[scope]);
            if (org && lockedUntil) {
              await recordAudit(trx, who, {
                action: 'login_locked',
                entityType: 'user',
                entityId: user?.id ?? null,
                details: { username: input.username, scope, failures, lockedUntil: lockedUntil.toISOString() },
              });
            }
          }
        });
        return new DomainError(code);
      };
      if (!org || !user || !isValid) throw await fail('invalid_credentials');
      if (!user.active) throw new DomainError('account_inactive');
      // The second factor (ADR 0031): asked once the password is right; a wrong code counts as a failed login.
      let restricted: 'totp_setup' | null = null;
      if (user.totp_enabled_at) {
        if (!input.totp) throw new DomainError('totp_required');
        if (!(await checkLoginCode(db, secrets, user, input.totp))) throw await fail('totp_invalid');
      } else {
        const roles = (await repo.selectAssignments(db, org.id, [user.id])).map((a) => a.role);
        if (await secondFactorRequired(db, org.id, roles)) restricted = 'totp_setup';
      }
      const session = await db.transaction().execute(async (trx) => {
        // The address and account keys are left to expire: one's own login must not clear what others caused.
        await repo.clearFailures(trx, keys.filter((k) => k.scope === 'pair' || k.scope === 'device').map((k) => k.key));
        await recordAudit(trx, { organisationId: org.id, actorId: user.id, ip }, { action: 'login', entityType: 'user', entityId: user.id, ...(restricted ? { details: { restricted } } : {}) });
        return openSession(trx, org.id, user.id, restricted);
      });
      return { session, actor: await resolveSession(session.token), deviceCookie: deviceCookieAfterLogin(secrets, device, user.id) };
    },

    /** The organisation's accounts locked now (from one address, a device, or every unknown device), for its administrators. */
    async listLockouts(ctx: RequestContext): Promise<LoginLockouts> {
      if (!holdsAtRoot(ctx.actor, 'user.manage')) throw new DomainError('forbidden');
      const rows = await repo.selectLocks(db, organisationKeyPrefixes(ctx.actor.organisationCode));
      const items = rows.flatMap((r) => {
        const k = readThrottleKey(r.key);
        return k ? [{ ...k, failures: r.failures, lockedUntil: new Date(r.locked_until!).toISOString() }] : [];
      });
      return { items };
    },

    /** The `Me` of a session's actor, with whether her organisation requires a second factor of her. */
    async me(actor: Actor): Promise<Me> {
      const required = actor.session.restricted === 'totp_setup' || (await secondFactorRequired(db, actor.organisationId, actor.assignments.map((a) => a.role)));
      return meOf(actor, required);
    },

    async logout(ctx: RequestContext): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await repo.deleteSession(trx, ctx.actor.session.tokenHash);
        await recordAudit(trx, whoOf(ctx), { action: 'logout', entityType: 'user', entityId: ctx.actor.userId });
      });
    },

    /** Changes one's own password; other sessions of the user end. */
    async changePassword(ctx: RequestContext, input: PasswordChange): Promise<void> {
      checkPassword('newPassword', input.newPassword, { username: ctx.actor.username, organisationCode: ctx.actor.organisationCode });
      const user = await repo.findUserById(db, ctx.actor.organisationId, ctx.actor.userId);
      if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) throw new DomainError('wrong_password');
      const hash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await repo.updatePasswordHash(trx, ctx.actor.organisationId, ctx.actor.userId, hash);
        await repo.deleteUserSessions(trx, ctx.actor.organisationId, ctx.actor.userId, ctx.actor.session.tokenHash);
        await recordAudit(trx, whoOf(ctx), { action: 'password_change', entityType: 'user', entityId: ctx.actor.userId });
      });
    },

    async setLocale(ctx: RequestContext, locale: Locale): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await repo.updateLocale(trx, ctx.actor.organisationId, ctx.actor.userId, locale);
        await recordAudit(trx, whoOf(ctx), { action: 'locale_change', entityType: 'user', entityId: ctx.actor.userId, details: { locale } });
      });
    },

    /** Sets her own preferences (ADR 0042), audited like a language change. */
    async setPreferences(ctx: RequestContext, preferences: PreferencesUpdate): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await repo.updatePreferences(trx, ctx.actor.organisationId, ctx.actor.userId, { low_literacy: preferences.lowLiteracy });
        await recordAudit(trx, whoOf(ctx), { action: 'preferences_change', entityType: 'user', entityId: ctx.actor.userId, details: { ...preferences } });
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

/** The `Me` contract of an actor. */
export function meOf(actor: Actor, secondFactorRequired = false): Me {
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName, locale: actor.locale, lowLiteracy: actor.lowLiteracy ?? false },
    organisation: { id: actor.organisationId, code: actor.organisationCode, name: actor.organisationName },
    assignments: actor.assignments.map((a) => ({
      id: a.id,
      role: a.role,
      orgUnit: { id: a.orgUnitId, code: a.orgUnitCode, name: a.orgUnitName },
      programs: a.programs,
    })),
    permissions: permissionsOfActor(actor),
    csrfToken: actor.session.csrfToken,
    sessionExpiresAt: actor.session.expiresAt.toISOString(),
    secondFactor: { enabled: actor.secondFactor ?? false, required: secondFactorRequired },
  };
}
