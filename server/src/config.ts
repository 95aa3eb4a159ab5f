import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { chooseLogFormat, type LogFormat } from './lib/log-format.ts';

/** The checkout Relais runs from (its web app is built into web/dist there). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** npm runs workspace scripts inside the workspace: relative paths are taken from where the user typed the command. */
const userCwd = process.env.INIT_CWD ?? process.cwd();

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  RELAIS_DATA_DIR: z.string().min(1).default('./data'),
  RELAIS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RELAIS_LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  RELAIS_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(12 * 60),
  RELAIS_SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  RELAIS_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  RELAIS_TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => v === 'true' || v === 'false' || v.split(',').every((a) => isAddressOrRange(a.trim())), 'must be false, true (this machine) or addresses and ranges, e.g. 127.0.0.1,10.0.0.0/8'),
  RELAIS_LOGIN_ADDRESS_LIMIT: z.coerce.number().int().min(10).max(100_000).default(100),
  RELAIS_LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().min(5).max(10_000).default(20),
  RELAIS_BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 30).optional(),
  RELAIS_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  RELAIS_WEB_DIST: z.string().optional(),
  RELAIS_ENCRYPTION_KEY: z.string().optional(),
  RELAIS_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { engine: 'postgres'; url: string } | { engine: 'embedded'; dataDir: string };
  dataDir: string;
  logLevel: string;
  /** JSON lines, or readable lines (default when standard output is a terminal). */
  logFormat: LogFormat;
  session: { idleMinutes: number; maxDays: number; secureCookies: boolean };
  /** Addresses and ranges of the reverse proxies whose `X-Forwarded-For` is believed (none: the peer's address is the client's). */
  trustProxy: string[];
  /** Failed logins within 15 minutes that lock an address (every account), and an account for unknown devices (ADR 0024). */
  loginLimits: { perAddress: number; perAccount: number };
  /** Scheduled local backups: every `intervalHours` (0 = off), keeping the newest `keep`. */
  backup: { intervalHours: number; keep: number; dir: string };
  webDist: string;
  /** The web app is the checkout's own web/dist (so `relais start` may build it), not a RELAIS_WEB_DIST folder. */
  isDefaultWebDist: boolean;
  /** Base64 key for contact details; else `secret.key` in the data directory. */
  encryptionKey: string | undefined;
  /** HTTP server processes (ADR 0038): more than one on a PostgreSQL server only. */
  workers: number;
}

/** An IPv4 or IPv6 address, with or without a /prefix. */
function isAddressOrRange(text: string): boolean {
  const [address = '', prefix, ...rest] = text.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/**
 * The proxies trusted with the client's address: `true` means a proxy on this machine only
 * (loopback), never any peer — a client reaching the port directly could otherwise choose its
 * address, and with it escape the login throttling (ADR 0024).
 */
function trustedProxies(value: string): string[] {
  if (value === 'false') return [];
  if (value === 'true') return ['127.0.0.1/8', '::1/128'];
  return value.split(',').map((a) => a.trim());
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the environment once, at start; throws a ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, stdoutIsTTY = Boolean(process.stdout.isTTY)): Config {
  // An empty variable counts as unset (`DATABASE_URL= npm start` means the embedded database).
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(userCwd, e.RELAIS_DATA_DIR);
  const database = e.DATABASE_URL
    ? ({ engine: 'postgres', url: e.DATABASE_URL } as const)
    : ({ engine: 'embedded', dataDir } as const);
  if (e.RELAIS_WORKERS > 1 && database.engine === 'embedded') {
    throw new ConfigError('Invalid configuration:\n  RELAIS_WORKERS: more than one process needs a PostgreSQL server (DATABASE_URL); the embedded database admits one process');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    logLevel: e.RELAIS_LOG_LEVEL,
    logFormat: chooseLogFormat(e.RELAIS_LOG_FORMAT, stdoutIsTTY),
    session: {
      idleMinutes: e.RELAIS_SESSION_IDLE_MINUTES,
      maxDays: e.RELAIS_SESSION_MAX_DAYS,
      secureCookies: e.RELAIS_SECURE_COOKIES === 'true',
    },
    trustProxy: trustedProxies(e.RELAIS_TRUST_PROXY),
    loginLimits: { perAddress: e.RELAIS_LOGIN_ADDRESS_LIMIT, perAccount: e.RELAIS_LOGIN_ACCOUNT_LIMIT },
    backup: {
      intervalHours: e.RELAIS_BACKUP_INTERVAL_HOURS ?? (database.engine === 'embedded' ? 24 : 0),
      keep: e.RELAIS_BACKUP_KEEP,
      dir: path.join(dataDir, 'backups'),
    },
    webDist: e.RELAIS_WEB_DIST ? path.resolve(userCwd, e.RELAIS_WEB_DIST) : path.join(repoRoot, 'web', 'dist'),
    isDefaultWebDist: !e.RELAIS_WEB_DIST,
    encryptionKey: e.RELAIS_ENCRYPTION_KEY,
    workers: e.RELAIS_WORKERS,
  };
}
