import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { z } from 'zod';
import {
  CreateUser,
  describeFieldIssue,
  fieldIssuesOf,
  DomainError,
  ReportQuery,
  SetupRequest,
  explainMatch,
  fieldLabel,
  translate,
  codeProblemParams,
  type MatchReason,
  negotiateLocale,
  type Locale,
  type MessageKey,
  toCsv,
  type CsvValue,
} from '@relais/core';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { Db } from './db/index.ts';
import { DataDirBusyError } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { backupTo, restoreFrom, RestoreError } from './db/backup.ts';
import { openConfiguredDatabase, startServer } from './main.ts';
import { ensureWebBuilt } from './lib/web-build.ts';
import { createDemoOrganisation, DemoDirError, prepareDemoDir } from './demo/demo.ts';
import { createOrganisation } from './modules/setup/setup.service.ts';
import { syncReportFacts } from './modules/reports/report-facts.service.ts';
import { insertUserWithAssignments } from './modules/users/users.service.ts';
import { findOrganisationByCode } from './modules/auth/auth.repository.ts';
import { findUnitByCode } from './modules/org-units/org-units.repository.ts';
import { hashPassword } from './lib/passwords.ts';
import { recordAudit } from './modules/audit/audit.service.ts';
import { loadSettings, matchCode } from './modules/registry/registry.service.ts';
import { createImportService, importKinds, type ImportKind } from './modules/imports/import.service.ts';
import { presentReport, readTable } from './modules/imports/imports.routes.ts';
import { createReportEngine } from './modules/reports/report.engine.ts';
import { reportWorkbook } from './modules/reports/report.xlsx.ts';
import { loadIndicators } from './modules/reports/indicators.repository.ts';


// Operator messages of the CLI are in English (like logs); domain errors are
// translated into the language of RELAIS_LANG or LANG (ADR 0006).
const locale: Locale = negotiateLocale(process.env.RELAIS_LANG ?? process.env.LANG ?? 'fr');

const usage = `Usage: relais <command> [options]

Commands:
  start                         start the server (PORT, HOST, DATABASE_URL, RELAIS_DATA_DIR)
  demo                          create a synthetic demo organisation in ./data-demo (RELAIS_DEMO_DIR),
                                print its users and passwords, and start Relais on it
                                (RELAIS_DEMO_PERSONS, default 2000, with a year of services)
  migrate                       apply pending database migrations
  init --org CODE --name NAME   create an organisation and its first administrator
       [--admin USERNAME] [--admin-name NAME] [--locale fr|ar|en]
                                (password from RELAIS_ADMIN_PASSWORD, else asked)
  create-user --org CODE --username U --name NAME --role ROLE --unit UNIT_CODE
       [--programs p1,p2] [--locale fr|ar|en]
                                (password from RELAIS_USER_PASSWORD, else asked)
  find --org CODE CODE_UNIQUE [--format jsonl|text]
                                the exact record and the probable duplicates of a code unique,
                                one JSON object per line: code, kind (exact|probable), score, reasons
  import --org CODE --kind org-units|beneficiaries|services FILE [--dry-run]
                                import a CSV (UTF-8, header row) or XLSX file whole or not at all;
                                prints progress, then the report (every rejected row: line, column, reason)
  report --org CODE --program P --period 2024 --indicators reached,condoms_distributed
       [--by org_unit,age_band] [--filter population=PS,org_unit=AGA] [--grain month|quarter|semester|year]
       [--level section] [--format jsonl|csv|xlsx] [--output FILE]
                                one row per cell with totals ("*"), value, target and gap
  backup FILE                   write a backup (gzip'd JSON lines) of the whole database
  restore FILE [--replace]      restore a backup into an empty database (--replace empties it first)
  help                          this text

Every command honours RELAIS_DATA_DIR (embedded database, default ./data) and DATABASE_URL (PostgreSQL server).`;

class UsageError extends Error {}

async function withDb<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openConfiguredDatabase(config);
  try {
    await migrateToLatest(db.kysely);
    // A command runs once and reads at once: the facts are built before it.
    await syncReportFacts(db.kysely, undefined, { now: true });
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Parses with a core contract; a bad value names the option. */
function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError('validation_failed', { fields: fieldIssuesOf(parsed.error.issues, value) });
}

async function askPassword(envName: string, prompt: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError(`${envName} is not set and there is no terminal to ask for the password`);
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => write(s.startsWith(q) ? q : '');
      rl.question(q, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask(prompt);
  const second = await ask('Again: ');
  if (first !== second) throw new UsageError('the two passwords differ');
  return first;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'string', default: 'admin' },
      'admin-name': { type: 'string' },
      locale: { type: 'string', default: 'fr' },
      username: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      programs: { type: 'string' },
      replace: { type: 'boolean', default: false },
      format: { type: 'string', default: 'jsonl' },
      kind: { type: 'string' },
      program: { type: 'string' },
      period: { type: 'string' },
      indicators: { type: 'string' },
      by: { type: 'string' },
      filter: { type: 'string' },
      grain: { type: 'string' },
      level: { type: 'string' },
      output: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(usage);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'start': {
      ensureWebBuilt(config, locale);
      await startServer(config, locale);
      return -1; // keeps running
    }
    case 'demo': {
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
      const demo = await withDb(demoConfig, (db) => createDemoOrganisation(db.kysely, { persons, servicesPerPerson: 6 }));
      const width = Math.max(...demo.users.map((u) => u.username.length));
      console.log(`\nDEMO — ${demo.persons} persons, ${demo.services} services (${demo.seconds} s). Organisation code: DEMO\n`);
      for (const u of demo.users) console.log(`  ${u.username.padEnd(width)}  ${u.password}  ${u.role} (${u.unit})`);
      console.log('');
      ensureWebBuilt(demoConfig, locale);
      await startServer(demoConfig, locale);
      return -1; // keeps running
    }
    case 'migrate': {
      const db = await openConfiguredDatabase(config);
      const applied = await migrateToLatest(db.kysely).finally(() => db.close());
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    }
    case 'init': {
      if (!values.org || !values.name) throw new UsageError('init needs --org CODE and --name NAME');
      const password = await askPassword('RELAIS_ADMIN_PASSWORD', `Password for ${values.admin}: `);
      const input = parseInput(SetupRequest, {
        organisation: { code: values.org, name: values.name },
        admin: { username: values.admin, displayName: values['admin-name'] ?? values.admin, password },
        locale: values.locale,
      });
      const created = await withDb(config, (db) => db.kysely.transaction().execute((trx) => createOrganisation(trx, input)));
      console.log(`organisation ${input.organisation.code} created (${created.organisationId}); administrator: ${input.admin.username}`);
      return 0;
    }
    case 'create-user': {
      if (!values.org || !values.username || !values.name || !values.role || !values.unit) {
        throw new UsageError('create-user needs --org, --username, --name, --role and --unit');
      }
      const password = await askPassword('RELAIS_USER_PASSWORD', `Password for ${values.username}: `);
      await withDb(config, async (db) => {
        const org = await findOrganisationByCode(db.kysely, values.org!.toUpperCase());
        if (!org) throw new UsageError(`no organisation with code ${values.org}`);
        const unit = await findUnitByCode(db.kysely, org.id, values.unit!.toUpperCase());
        if (!unit) throw new UsageError(`no org unit with code ${values.unit} in ${org.code}`);
        const input = parseInput(CreateUser, {
          username: values.username,
          displayName: values.name,
          password,
          locale: values.locale,
          assignments: [{ role: values.role, orgUnitId: unit.id, programs: values.programs ? values.programs.split(',').map((p) => p.trim()) : null }],
        });
        const hash = await hashPassword(input.password);
        const id = await db.kysely.transaction().execute((trx) => insertUserWithAssignments(trx, { organisationId: org.id, actorId: null }, input, hash, unit));
        console.log(`user ${input.username} created (${id}) as ${values.role} on ${unit.code}`);
      });
      return 0;
    }
    case 'find': {
      const typed = positionals[0];
      if (!values.org || !typed) throw new UsageError('find needs --org CODE and a code unique');
      if (values.format !== 'jsonl' && values.format !== 'text') throw new UsageError('--format is jsonl or text');
      await withDb(config, async (db) => {
        const org = await findOrganisationByCode(db.kysely, values.org!.toUpperCase());
        if (!org) throw new UsageError(`no organisation with code ${values.org}`);
        const settings = await loadSettings(db.kysely, org.id);
        const found = await matchCode(db.kysely, org.id, settings.codeScheme, typed);
        if (found.problems.length) {
          throw new DomainError('validation_failed', { fields: found.problems.map((p) => ({ field: 'code', code: 'invalid_code' as const, params: codeProblemParams(p) })) });
        }
        const lines = [
          ...(found.exact ? [{ code: found.exact.code, kind: 'exact', score: 1, reasons: found.exact.viaAlias ? [{ kind: 'alias', part: found.code }] : [] }] : []),
          ...found.candidates.map((c) => ({ code: c.code, kind: 'probable', score: Math.round(c.match.score * 100) / 100, reasons: c.match.reasons })),
        ];
        for (const line of lines) {
          if (values.format === 'jsonl') console.log(JSON.stringify(line));
          else console.log(`${line.kind.padEnd(9)} ${line.code.padEnd(12)} ${line.score.toFixed(2)}  ${line.kind === 'probable' ? explainMatch(locale, line.reasons as MatchReason[], line.code) : ''}`);
        }
      });
      return 0;
    }
    case 'import': {
      const file = positionals[0];
      if (!values.org || !values.kind || !file) throw new UsageError('import needs --org CODE, --kind KIND and a FILE');
      if (!(importKinds as readonly string[]).includes(values.kind)) throw new UsageError(`--kind is one of ${importKinds.join(', ')}`);
      if (!fs.existsSync(file)) throw new UsageError(`file not found: ${file}`);
      const started = Date.now();
      const report = await withDb(config, async (db) => {
        const org = await findOrganisationByCode(db.kysely, values.org!.toUpperCase());
        if (!org) throw new UsageError(`no organisation with code ${values.org}`);
        const table = await readTable(fs.readFileSync(file));
        process.stderr.write(`read ${table.rows.length} rows\n`);
        const onProgress = (phase: string, done: number, total: number) => process.stderr.write(`${phase} ${done}/${total}\n`);
        return createImportService(db.kysely).importTable({ organisationId: org.id, ctx: null, onProgress }, values.kind as ImportKind, table, { dryRun: values['dry-run'] });
      });
      const shown = presentReport(report, locale);
      for (const e of shown.errors) console.error(e.message);
      console.log(JSON.stringify({ kind: shown.kind, dryRun: shown.dryRun, rows: shown.rows, created: shown.created, unchanged: shown.unchanged, applied: shown.applied, errors: shown.errors.length, seconds: (Date.now() - started) / 1000 }));
      if (shown.errors.length) {
        console.error(translate(locale, 'error.import_rejected', { count: shown.errors.length }));
        return 1;
      }
      return 0;
    }
    case 'report': {
      if (!values.org || !values.program || !values.period || !values.indicators) throw new UsageError('report needs --org, --program, --period and --indicators');
      const filters: Record<string, string[]> = {};
      for (const pair of (values.filter ?? '').split(',').filter(Boolean)) {
        const [dim, value] = pair.split('=');
        if (!dim || !value) throw new UsageError(`--filter takes dimension=value pairs: ${pair}`);
        (filters[dim.trim()] ??= []).push(value.trim());
      }
      const query = parseInput(ReportQuery, {
        program: values.program,
        period: values.period,
        indicators: values.indicators.split(',').map((x) => x.trim()),
        by: (values.by ?? '').split(',').map((x) => x.trim()).filter(Boolean),
        filters,
        ...(values.grain ? { grain: values.grain } : {}),
        ...(values.level ? { orgUnitLevel: values.level } : {}),
      });
      const format = values.format === 'jsonl' || !values.format ? 'jsonl' : values.format;
      if (format !== 'jsonl' && format !== 'csv' && format !== 'xlsx') throw new UsageError('--format is jsonl, csv or xlsx');
      const { rows, ratios } = await withDb(config, async (db) => {
        const org = await findOrganisationByCode(db.kysely, values.org!.toUpperCase());
        if (!org) throw new UsageError(`no organisation with code ${values.org}`);
        const indicators = await loadIndicators(db.kysely, org.id);
        return {
          rows: await createReportEngine(db.kysely).run(org.id, 'organisation', query, indicators),
          ratios: new Set(indicators.filter((i) => i.measure.kind === 'ratio').map((i) => i.code)),
        };
      });
      const columns = ['indicator', 'period', ...query.by.filter((d) => d !== 'period'), 'value', 'target', 'gap', 'achievement'];
      const shaped = rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
      if (format === 'jsonl') {
        const text = shaped.map((r) => JSON.stringify(r)).join('\n') + (shaped.length ? '\n' : '');
        if (values.output) fs.writeFileSync(values.output, text);
        else process.stdout.write(text);
      } else if (format === 'csv') {
        const text = toCsv([columns, ...shaped.map((r) => columns.map((c) => r[c] as CsvValue))]);
        if (values.output) fs.writeFileSync(values.output, text);
        else process.stdout.write(text);
      } else {
        const data = await reportWorkbook(columns, shaped, { ratios });
        if (values.output) fs.writeFileSync(values.output, data);
        else process.stdout.write(data);
      }
      return 0;
    }
    case 'backup': {
      const file = positionals[0];
      if (!file) throw new UsageError('backup needs a FILE');
      const result = await withDb(config, (db) => backupTo(db.kysely, file));
      console.log(`backup written to ${file}: ${result.rows} rows in ${result.tables} tables`);
      return 0;
    }
    case 'restore': {
      const file = positionals[0];
      if (!file) throw new UsageError('restore needs a FILE');
      const db = await openConfiguredDatabase(config);
      try {
        const result = await restoreFrom(db.kysely, file, { replace: values.replace });
        await syncReportFacts(db.kysely, undefined, { now: true });
        const orgs = await db.kysely.selectFrom('organisation').select('id').execute();
        for (const o of orgs) {
          await recordAudit(db.kysely, { organisationId: o.id, actorId: null }, { action: 'backup.restore', entityType: 'organisation', entityId: o.id, details: { file } });
        }
        console.log(`restored ${result.rows} rows from ${file}`);
      } finally {
        await db.close();
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function describe(error: unknown): string {
  if (error instanceof DomainError) {
    const lines = [translate(locale, `error.${error.code}` as MessageKey, error.params)];
    for (const f of error.fields) {
      lines.push(`  ${describeFieldIssue(locale, f, `${fieldLabel(locale, f.field)} (${f.field})`)}`);
    }
    return lines.join('\n');
  }
  if (error instanceof UsageError) return `${error.message}\n\n${usage}`;
  if (error instanceof ConfigError || error instanceof DataDirBusyError || error instanceof RestoreError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    // Domain errors in the operator's language; other (operator) messages stay English, prefix included.
    console.error(error instanceof DomainError ? translate(locale, 'cli.error', { message: describe(error) }) : `Error: ${describe(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
