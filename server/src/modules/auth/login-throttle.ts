import type { LoginRequest } from '@relais/core';

/**
 * How failed logins are throttled (ADR 0024). Each key counts failures in a window; at `limit`
 * failures the key locks for `lockMinutes`, doubled at each further failure when `doubling`
 * (1, 2, 4 … minutes), never longer than `maxLockMinutes`.
 */
export interface ThrottleRule {
  limit: number;
  windowMinutes: number;
  lockMinutes: number;
  maxLockMinutes: number;
  doubling: boolean;
}

/** What a key throttles: one account from one address or one known device, an address, an account from unknown devices. */
export type ThrottleScope = 'pair' | 'device' | 'address' | 'account';

/** One account from one address or one known device: 5 free failures, then 1, 2, 4 … minutes, up to an hour. */
export const PAIR_RULE: ThrottleRule = { limit: 5, windowMinutes: 24 * 60, lockMinutes: 1, maxLockMinutes: 60, doubling: true };

/** The rules, with the configured limits (RELAIS_LOGIN_ADDRESS_LIMIT, RELAIS_LOGIN_ACCOUNT_LIMIT) within 15 minutes. */
export function throttleRules(limits: { perAddress: number; perAccount: number }): Record<ThrottleScope, ThrottleRule> {
  return {
    pair: PAIR_RULE,
    // A device that logged in before as this account: the same, and nothing else applies to it.
    device: PAIR_RULE,
    // Every account from one address: high enough for an office behind one NAT address (100 by default).
    address: { limit: limits.perAddress, windowMinutes: 15, lockMinutes: 15, maxLockMinutes: 15, doubling: false },
    // One account from unknown devices over every address (a distributed guess): known devices still log in.
    account: { limit: limits.perAccount, windowMinutes: 15, lockMinutes: 15, maxLockMinutes: 15, doubling: false },
  };
}

export interface ThrottleKey {
  scope: ThrottleScope;
  key: string;
}

/**
 * The keys a login attempt counts against. A device that logged in before as this account (its
 * signed device cookie names the account) counts only against its own key: failures elsewhere,
 * from any address, never refuse it.
 */
export function throttleKeys(input: Pick<LoginRequest, 'organisation' | 'username'>, ip: string, knownDeviceId: string | null): ThrottleKey[] {
  const account = `${input.organisation}:${input.username}`;
  if (knownDeviceId) return [{ scope: 'device', key: `device:${account}:${knownDeviceId}` }];
  return [
    { scope: 'pair', key: `pair:${account}:${ip}` },
    { scope: 'address', key: `address:${ip}` },
    { scope: 'account', key: `account:${account}` },
  ];
}

/** The keys of an organisation's accounts (what its administrators see): `<scope>:<ORG>:`. */
export function organisationKeyPrefixes(organisationCode: string): string[] {
  return (['pair', 'device', 'account'] as const).map((scope) => `${scope}:${organisationCode}:`);
}

/** A stored key back to its scope, username and address (the address of a pair; a device key has none). */
export function readThrottleKey(key: string): { scope: Exclude<ThrottleScope, 'address'>; username: string; address: string | null } | null {
  const [scope, , username, ...rest] = key.split(':');
  if (scope !== 'pair' && scope !== 'device' && scope !== 'account') return null;
  if (!username) return null;
  return { scope, username, address: scope === 'pair' ? rest.join(':') : null };
}
