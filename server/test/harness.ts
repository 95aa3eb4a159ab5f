import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Locale, Me, SetupRequest } from '@relais/core';
import { loadConfig, type Config } from '../src/config.ts';
import { openDatabase, type Db } from '../src/db/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildApp } from '../src/app.ts';
import { createOrganisation } from '../src/modules/setup/index.ts';
import { OpenApiCheck } from './openapi-check.ts';
import type { TestRun } from './global-setup.ts';

/** The engine under test: `RELAIS_TEST_ENGINE=postgres` (with RELAIS_TEST_DATABASE_URL) or the embedded default. */
export const engine: 'embedded' | 'postgres' = process.env.RELAIS_TEST_ENGINE === 'postgres' ? 'postgres' : 'embedded';

export interface TestDatabase {
  db: Db;
  /** Connection URL when on PostgreSQL. */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database on the engine under test (no table: for tests of migrations and
 * restores): a copy of the run's empty embedded database (created once: PGlite's initdb costs
 * seconds), a new database on the server for PostgreSQL.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (engine === 'embedded') return openTarget(await embeddedCopy('empty'));
  return openTarget(await createServerDatabase());
}

/*
 * The migrated template. A fresh embedded database costs seconds to create (PGlite runs initdb:
 * ~5 s) and to migrate (~1 s), in every test file; a copy of a migrated data directory costs
 * ~0.2 s to copy and ~2 s to open. So the first test file of a run that wants a migrated database
 * builds ONE template (server/test/global-setup.ts names the run's folder and the template's
 * database, and removes both after the run), and every test file after it starts from a copy:
 *  - embedded: a copy of the template's data directory (in /dev/shm when there is one), removed on drop;
 *  - PostgreSQL: `create database … template relais_template_…`, dropped on drop.
 * The template is built by this checkout's migrations at the start of the run, so a copy is not
 * migrated again. `createTestDatabase` stays truly empty (tests of migrations, restores): on the
 * embedded engine a copy of a second data directory, `empty`, that initdb made and nothing else.
 */

/** A database of the engine under test that no one has opened yet: for a process that opens it itself (the command line). */
export interface TestDatabaseTarget {
  /** Data directory (RELAIS_DATA_DIR) on the embedded engine. */
  dataDir?: string;
  /** Connection URL (DATABASE_URL) on PostgreSQL. */
  url?: string;
  drop(): Promise<void>;
}

/** A migrated, empty database of the engine under test, not opened: a copy of the run's template. */
export async function copyTemplate(): Promise<TestDatabaseTarget> {
  if (engine === 'postgres') {
    const run = testRun();
    await templateReady(run, 'template');
    return createServerDatabase(run.pgTemplate);
  }
  return embeddedCopy('template');
}

function testRun(): TestRun {
  const run = inject('relaisTestRun');
  if (!run) throw new Error('no test run folder: vitest.config.ts must name server/test/global-setup.ts in globalSetup');
  return run;
}

/** A copy of one of the run's embedded data directories: the migrated `template`, or `empty` (initdb only). */
async function embeddedCopy(source: Template): Promise<TestDatabaseTarget> {
  const run = testRun();
  await templateReady(run, source);
  const dataDir = path.join(run.dir, `db-${randomBytes(6).toString('hex')}`);
  fs.cpSync(path.join(run.dir, source), dataDir, { recursive: true });
  return { dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/** A migrated, empty database on the engine under test, open: a copy of the run's template. */
export async function createMigratedDatabase(): Promise<TestDatabase> {
  return openTarget(await copyTemplate());
}

async function openTarget(target: TestDatabaseTarget): Promise<TestDatabase> {
  const db = target.url ? await openDatabase({ engine: 'postgres', url: target.url, poolSize: 4 }) : await openDatabase({ engine: 'embedded', dataDir: target.dataDir! });
  return {
    db,
    url: target.url,
    drop: async () => {
      await db.close();
      await target.drop();
    },
  };
}

function adminUrl(): string {
  const url = process.env.RELAIS_TEST_DATABASE_URL;
  if (!url) throw new Error('RELAIS_TEST_ENGINE=postgres needs RELAIS_TEST_DATABASE_URL (a server URL whose user may create databases)');
  return url;
}

async function onServer(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** The URL of database `name` on the test server. */
function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database on the PostgreSQL server: empty, or a copy of `template`. */
async function createServerDatabase(template?: string): Promise<TestDatabaseTarget> {
  const name = `relais_t_${randomBytes(6).toString('hex')}`;
  await onServer(`create database ${name}${template ? ` template ${template}` : ''}`);
  return { url: databaseUrl(name), drop: () => onServer(`drop database if exists ${name} with (force)`) };
}

/** The run's databases that tests copy: `template` (migrated; a database on the server too), `empty` (embedded only). */
type Template = 'template' | 'empty';
const building = new Map<Template, Promise<void>>();

/**
 * Waits until the run's template exists; the first test file to ask builds it (the others wait:
 * a folder made with mkdir is the lock, a `ready` or `failed` file the outcome).
 */
function templateReady(run: TestRun, name: Template): Promise<void> {
  if (!building.has(name)) building.set(name, buildTemplate(run, name));
  return building.get(name)!;
}

async function buildTemplate(run: TestRun, name: Template): Promise<void> {
  const ready = path.join(run.dir, `${name}.ready`);
  const failed = path.join(run.dir, `${name}.failed`);
  if (fs.existsSync(ready)) return;
  try {
    fs.mkdirSync(path.join(run.dir, `${name}.lock`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another test file builds it.
    for (const started = Date.now(); !fs.existsSync(ready); ) {
      if (fs.existsSync(failed)) throw new Error(`the test database template could not be built: ${fs.readFileSync(failed, 'utf8')}`);
      if (Date.now() - started > 300_000) throw new Error(`the test database template was not built within 5 minutes (${run.dir})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return;
  }
  try {
    if (engine === 'postgres') await onServer(`create database ${run.pgTemplate}`);
    const db = await openDatabase(
      engine === 'postgres' ? { engine: 'postgres', url: databaseUrl(run.pgTemplate), poolSize: 1 } : { engine: 'embedded', dataDir: path.join(run.dir, name) },
    );
    try {
      if (name === 'template') await migrateToLatest(db.kysely);
    } finally {
      await db.close(); // a template is copied closed (and PostgreSQL copies no database someone is connected to)
    }
    fs.writeFileSync(ready, '');
  } catch (error) {
    fs.writeFileSync(failed, String(error instanceof Error ? error.stack : error));
    throw error;
  }
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-test-'));
  return loadConfig({ NODE_ENV: 'test', RELAIS_DATA_DIR: dataDir, RELAIS_WEB_DIST: path.join(dataDir, 'no-web'), ...overrides });
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
  /** The check of every response against the served OpenAPI document (violations fail `close`). */
  openApi: OpenApiCheck;
  close(): Promise<void>;
}

/** A migrated database and the HTTP app on it; every response is checked against the OpenAPI document. */
export async function createTestApp(configOverrides: Record<string, string> = {}): Promise<TestApp> {
  const test = await createMigratedDatabase();
  const config = testConfig(configOverrides);
  const app = await buildApp({ config, db: test.db });
  const openApi = new OpenApiCheck();
  openApi.attach(app);
  await app.ready();
  await openApi.load(app);
  return {
    app,
    db: test.db,
    config,
    openApi,
    close: async () => {
      await app.close();
      await test.drop();
      // Every response of the file's tests matched the OpenAPI document, or the file fails here.
      if (openApi.violations.length) throw new Error(`Responses that the OpenAPI document does not declare:\n${[...new Set(openApi.violations)].join('\n')}`);
    },
  };
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** An HTTP client on the app that keeps the session cookie and sends the CSRF token, like the browser. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  me: Me | null = null;
  constructor(
    readonly app: FastifyInstance,
    public locale: Locale = 'fr',
  ) {}

  async request<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, options: { csrf?: boolean } = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { 'accept-language': this.locale };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && options.csrf !== false) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url: `/api/v1${url}`, headers, ...(body !== undefined ? { payload: body as object } : {}) });
    const setCookie = res.cookies.find((c) => c.name === 'relais_session');
    if (setCookie) this.cookie = setCookie.value ? `relais_session=${setCookie.value}` : null;
    const parsed = res.body ? (JSON.parse(res.body) as T) : (undefined as T);
    return { status: res.statusCode, body: parsed, headers: res.headers };
  }

  get = <T = unknown>(url: string) => this.request<T>('GET', url);
  post = <T = unknown>(url: string, body?: unknown) => this.request<T>('POST', url, body ?? {});
  put = <T = unknown>(url: string, body?: unknown) => this.request<T>('PUT', url, body ?? {});
  patch = <T = unknown>(url: string, body?: unknown) => this.request<T>('PATCH', url, body ?? {});
  delete = <T = unknown>(url: string) => this.request<T>('DELETE', url);

  async login(organisation: string, username: string, password: string): Promise<this> {
    const res = await this.post<Me>('/auth/login', { organisation, username, password });
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.me = res.body;
    this.csrf = res.body.csrfToken;
    return this;
  }
}

export const PASSWORD = 'correct horse battery';

/** Creates an organisation (root unit, programs, administrator `admin`) and returns an admin client. */
export async function createOrg(t: TestApp, code: string, locale: Locale = 'fr') {
  const input: SetupRequest = {
    organisation: { code, name: `Organisation ${code}` },
    admin: { username: 'admin', displayName: `Admin ${code}`, password: PASSWORD },
    locale,
  };
  const created = await t.db.kysely.transaction().execute((trx) => createOrganisation(trx, input));
  const admin = await new Client(t.app).login(code, 'admin', PASSWORD);
  return { ...created, code, admin };
}

/** An organisation as `createOrg` makes it: its ids, code and a logged-in administrator. */
export type TestOrg = Awaited<ReturnType<typeof createOrg>>;

/** A fresh app with one organisation and a section under its root: where most API tests start. */
export async function createAppWithSection(orgCode: string, sectionCode = 'SEC'): Promise<{ t: TestApp; org: TestOrg; section: string }> {
  const t = await createTestApp();
  const org = await createOrg(t, orgCode);
  return { t, org, section: await createUnit(org.admin, org.rootUnitId, sectionCode) };
}

/** For a describe block: a fresh app with one organisation before its tests (`suite.t`), closed after them. */
export function appPerSuite(orgCode: string): { t: TestApp } {
  const suite = {} as { t: TestApp };
  beforeAll(async () => {
    suite.t = await createTestApp();
    await createOrg(suite.t, orgCode);
  });
  afterAll(() => suite.t.close());
  return suite;
}

/** Creates a unit through the API as `client`; returns its id. */
export async function createUnit(client: Client, parentId: string, code: string, level: string = 'section'): Promise<string> {
  const res = await client.post<{ id: string }>('/org-units', { code, name: `Unit ${code}`, level, parentId });
  if (res.status !== 201) throw new Error(`unit ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Creates a user with one role on one unit through the API as `admin`; returns a logged-in client for her. */
export async function createUserClient(t: TestApp, admin: Client, orgCode: string, username: string, role: string, orgUnitId: string) {
  const res = await admin.post<{ id: string }>('/users', {
    username,
    displayName: `User ${username}`,
    password: PASSWORD,
    assignments: [{ role, orgUnitId, programs: null }],
  });
  if (res.status !== 201) throw new Error(`user ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  const client = await new Client(t.app).login(orgCode, username, PASSWORD);
  return { id: res.body.id, client };
}

/** Row counts of every organisation table: "nothing half-written" is "these did not change". */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['organisation', 'org_unit', 'program', 'app_user', 'role_assignment', 'audit_event'] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const row = await db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}
