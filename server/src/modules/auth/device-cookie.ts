import { randomUUID } from 'node:crypto';
import type { Secrets } from '../../lib/secrets.ts';

export const DEVICE_COOKIE = 'relais_device';
/** Accounts a device remembers (a shared tablet): the most recent first. */
const MAX_ACCOUNTS = 20;
const PURPOSE = 'device-cookie';

/** A device that logged in before: its id and the accounts (user ids) that logged in from it. */
export interface KnownDevice {
  id: string;
  userIds: string[];
}

/** The device a signed cookie names, or null when absent, malformed or not signed by this server. */
export function readDeviceCookie(secrets: Secrets, value: string | undefined): KnownDevice | null {
  if (!value) return null;
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return null;
  const payload = value.slice(0, dot);
  if (!secrets.verifySignature(PURPOSE, payload, value.slice(dot + 1))) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { d?: unknown; u?: unknown };
    if (typeof parsed.d !== 'string' || !Array.isArray(parsed.u) || !parsed.u.every((u) => typeof u === 'string')) return null;
    return { id: parsed.d, userIds: parsed.u as string[] };
  } catch {
    return null;
  }
}

/** The cookie of this device once `userId` logged in from it (a new device id when it had none). */
export function deviceCookieAfterLogin(secrets: Secrets, device: KnownDevice | null, userId: string): string {
  const userIds = [userId, ...(device?.userIds ?? []).filter((u) => u !== userId)].slice(0, MAX_ACCOUNTS);
  const payload = Buffer.from(JSON.stringify({ d: device?.id ?? randomUUID(), u: userIds })).toString('base64url');
  return `${payload}.${secrets.sign(PURPOSE, payload)}`;
}
