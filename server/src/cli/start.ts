import path from 'node:path';
import { loadConfig } from '../config.ts';
import { startServer } from '../main.ts';
import { ensureWebBuilt } from '../lib/web-build.ts';
import { createDemoOrganisation, DemoDirError, prepareDemoDir } from '../demo/demo.ts';
import { locale, UsageError, withDb, type Command } from './shared.ts';

/** `relais start`: the server. */
export const start: Command = async ({ config }) => {
  ensureWebBuilt(config, locale);
  await startServer(config, locale);
  return -1; // keeps running
};

/** `relais demo`: a synthetic organisation in its own folder, then the server on it. */
export const demo: Command = async () => {
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), process.env.RELAIS_DEMO_DIR ?? 'data-demo');
  const persons = Number(process.env.RELAIS_DEMO_PERSONS ?? 2000);
  if (!Number.isInteger(persons) || persons < 1 || persons > 14_400) throw new UsageError('RELAIS_DEMO_PERSONS must be a whole number from 1 to 14400');
  try {
    prepareDemoDir(dir);
  } catch (error) {
    if (error instanceof DemoDirError) throw new UsageError(error.message);
    throw error;
  }
  // The demo always runs on the embedded engine, in its own folder: DATABASE_URL is not used.
  const demoConfig = loadConfig({ ...process.env, RELAIS_DATA_DIR: dir, DATABASE_URL: '' });
  process.stderr.write(`creating the demo organisation in ${dir} (${persons} persons, a year of services)…\n`);
  const created = await withDb(demoConfig, (db) => createDemoOrganisation(db.kysely, { persons, servicesPerPerson: 6 }));
  const width = Math.max(...created.users.map((u) => u.username.length));
  console.log(`\nDEMO — ${created.persons} persons, ${created.services} services (${created.seconds} s). Organisation code: DEMO\n`);
  for (const u of created.users) console.log(`  ${u.username.padEnd(width)}  ${u.password}  ${u.role} (${u.unit})`);
  const p = created.partner;
  console.log(`\nPartner organisation (referrals both ways). Organisation code: ${p.code}\n  ${p.user.username.padEnd(width)}  ${p.user.password}  ${p.user.role}`);
  console.log('');
  ensureWebBuilt(demoConfig, locale);
  await startServer(demoConfig, locale);
  return -1; // keeps running
};
