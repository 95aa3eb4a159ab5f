import { DomainError, type AuthSettings, type TotpSetup } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { Secrets } from '../../lib/secrets.ts';
import { verifyPassword } from '../../lib/passwords.ts';
import { matchTotp, newTotpSecret, otpauthUri } from '../../lib/totp.ts';
import type { Actor, RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { loadAuthSettings, settingsPolicy, storeAuthSettings } from '../settings/index.ts';
import * as repo from './auth.repository.ts';

// The second factor (TOTP, ADR 0031): each user may turn it on; an organisation may require it
// of its administrators. The secret is sealed with the instance key; a code is good once.

/** Whether her organisation requires a second factor of her: she is an administrator and it says so. */
export async function secondFactorRequired(db: Queryable, organisationId: string, roles: readonly string[]): Promise<boolean> {
  if (!roles.includes('administrator')) return false;
  return (await loadAuthSettings(db, organisationId)).secondFactorRequiredForAdministrators;
}

/** Checks a login's code against the user's secret and takes its time step (a code is accepted once). */
export async function checkLoginCode(
  db: Queryable,
  secrets: Secrets,
  user: { organisation_id: string; id: string; totp_secret: Buffer | null; totp_last_step: string | null },
  code: string,
): Promise<boolean> {
  const secret = user.totp_secret ? secrets.tryDecrypt(user.totp_secret) : null;
  if (!secret) return false;
  const step = matchTotp(secret, code, user.totp_last_step === null ? null : Number(user.totp_last_step));
  return step !== null && (await repo.useTotpStep(db, user.organisation_id, user.id, step));
}

export function createSecondFactorService(db: Queryable, secrets: Secrets) {
  return {
    /** A new secret for her to enter in her application; it takes effect once she confirms a code (`confirm`). */
    async begin(ctx: RequestContext): Promise<TotpSetup> {
      const user = await repo.findUserById(db, ctx.actor.organisationId, ctx.actor.userId);
      if (user?.totp_enabled_at) throw new DomainError('transition_not_allowed');
      const secret = newTotpSecret();
      await repo.setTotp(db, ctx.actor.organisationId, ctx.actor.userId, { totp_secret: secrets.encrypt(secret), totp_enabled_at: null, totp_last_step: null });
      return { secret: secret.replace(/(.{4})/g, '$1 ').trim(), otpauthUri: otpauthUri(secret, `${ctx.actor.username}@${ctx.actor.organisationCode}`) };
    },

    /** Turns the second factor on with a first code from her application; a restricted session becomes whole. */
    async confirm(ctx: RequestContext, code: string): Promise<void> {
      const user = await repo.findUserById(db, ctx.actor.organisationId, ctx.actor.userId);
      if (!user?.totp_secret || user.totp_enabled_at) throw new DomainError('transition_not_allowed');
      await db.transaction().execute(async (trx) => {
        if (!(await checkLoginCode(trx, secrets, user, code))) throw new DomainError('validation_failed', { fields: [{ field: 'code', code: 'invalid' }] });
        await trx.updateTable('app_user').set({ totp_enabled_at: new Date() }).where('organisation_id', '=', user.organisation_id).where('id', '=', user.id).execute();
        await repo.liftRestriction(trx, ctx.actor.session.tokenHash);
        await recordAudit(trx, whoOf(ctx), { action: 'second_factor.on', entityType: 'user', entityId: user.id });
      });
    },

    /** Turns it off, with her password; not when her organisation requires it of her. */
    async disable(ctx: RequestContext, password: string): Promise<void> {
      const user = await repo.findUserById(db, ctx.actor.organisationId, ctx.actor.userId);
      if (!user || !(await verifyPassword(password, user.password_hash))) throw new DomainError('wrong_password');
      if (await secondFactorRequired(db, ctx.actor.organisationId, ctx.actor.assignments.map((a) => a.role))) throw new DomainError('totp_required_by_organisation');
      await db.transaction().execute(async (trx) => {
        await repo.setTotp(trx, user.organisation_id, user.id, { totp_secret: null, totp_enabled_at: null, totp_last_step: null });
        await recordAudit(trx, whoOf(ctx), { action: 'second_factor.off', entityType: 'user', entityId: user.id });
      });
    },

    async settings(actor: Actor): Promise<AuthSettings> {
      return loadAuthSettings(db, actor.organisationId);
    },

    /** The organisation's rule; existing sessions are not cut: it applies at administrators' next login. */
    async storeSettings(ctx: RequestContext, settings: AuthSettings): Promise<AuthSettings> {
      if (!settingsPolicy.change(ctx.actor)) throw new DomainError('forbidden');
      await db.transaction().execute(async (trx) => {
        await storeAuthSettings(trx, ctx.actor.organisationId, settings);
        await recordAudit(trx, whoOf(ctx), { action: 'auth.settings', entityType: 'organisation', entityId: ctx.actor.organisationId, details: { ...settings } });
      });
      return settings;
    },
  };
}
export type SecondFactorService = ReturnType<typeof createSecondFactorService>;
