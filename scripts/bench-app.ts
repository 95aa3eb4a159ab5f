// What the HTTP benches share: a percentile, and an organisation with the app on a database and a
// way to log its users in (over app.inject, as the cases and directory benches measure).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../server/src/db/index.ts';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { createOrganisation } from '../server/src/modules/setup/index.ts';

// Not containing the organisation's code (BENCH): the password rules refuse that.
export const BENCH_PASSWORD = 'synthetic passphrase 41';

/** The p-th percentile of timings in ms, to a tenth. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

/** The organisation BENCH (administrator `admin`) and the app on `db`; `login` gives a user's cookie and CSRF token. */
export async function benchApp(db: Db, name: string) {
  const org = await db.kysely.transaction().execute((trx) =>
    createOrganisation(trx, { organisation: { code: 'BENCH', name: 'Bench' }, admin: { username: 'admin', displayName: 'Admin', password: BENCH_PASSWORD }, locale: 'fr' }),
  );
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', RELAIS_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `relais-bench-${name}-`)) }), db });
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { organisation: 'BENCH', username, password: BENCH_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
    const me = JSON.parse(res.body) as { csrfToken: string; userId: string };
    return { cookie: `relais_session=${res.cookies.find((c) => c.name === 'relais_session')!.value}`, csrf: me.csrfToken, userId: me.userId };
  };
  return { org, app, login };
}
