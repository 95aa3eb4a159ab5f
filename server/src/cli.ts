import { DomainError, describeFieldIssue, fieldLabel, translate, type MessageKey } from '@relais/core';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirBusyError } from './db/database.ts';
import { RestoreError } from './db/backup.ts';
import { locale, parseOptions, UsageError, type Command } from './cli/shared.ts';

// The `relais` command: one file per command in cli/, each calling the modules' services
// (as the system, an administrator of the organisation's root unit, audited as no one).

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
  import --org CODE --kind org-units|beneficiaries|services|targets|cases|insertion FILE [--dry-run]
                                import a CSV (UTF-8, header row) or XLSX file whole or not at all;
                                prints progress, then the report (every rejected row: line, column, reason)
  import --org CODE --kind directory FILE.json
                                import the directory: a JSON array of HSDS 3.0 services, fully nested
                                (all or nothing, idempotent on the HSDS ids; errors name their JSON path)
  export --org CODE --kind directory --format hsds [--territory T] --output FILE.json
                                write the directory (or a territory's) as HSDS 3.0 services
  report --org CODE --program P --period 2024 --indicators reached,condoms_distributed
       [--by org_unit,age_band] [--filter population=PS,org_unit=AGA] [--grain month|quarter|semester|year]
       [--level section] [--format jsonl|csv|xlsx] [--output FILE]
                                one row per cell with totals ("*"), value, target and gap
  retention [--org CODE]        apply the retention periods now (the server does it daily): what was
                                cleared or deleted, one JSON line per organisation
  backup FILE                   write a backup (gzip'd JSON lines) of the whole database
  restore FILE [--replace]      restore a backup into an empty database (--replace empties it first)
  help                          this text

Every command honours RELAIS_DATA_DIR (embedded database, default ./data) and DATABASE_URL (PostgreSQL server).`;

/**
 * Each command's module is loaded when it runs (the server, the spreadsheet writer, the demo
 * generator are not loaded to import a file or find a code): about a second less per command.
 */
const lazy =
  <M>(load: () => Promise<M>, pick: (m: M) => Command): Command =>
  async (input) =>
    pick(await load())(input);

const commands: Record<string, Command> = {
  start: lazy(() => import('./cli/start.ts'), (m) => m.start),
  demo: lazy(() => import('./cli/start.ts'), (m) => m.demo),
  migrate: lazy(() => import('./cli/database.ts'), (m) => m.migrate),
  init: lazy(() => import('./cli/init.ts'), (m) => m.init),
  'create-user': lazy(() => import('./cli/create-user.ts'), (m) => m.createUser),
  find: lazy(() => import('./cli/find.ts'), (m) => m.find),
  import: lazy(() => import('./cli/import.ts'), (m) => m.importFile),
  export: lazy(() => import('./cli/export.ts'), (m) => m.exportFile),
  report: lazy(() => import('./cli/report.ts'), (m) => m.report),
  retention: lazy(() => import('./cli/retention.ts'), (m) => m.retention),
  backup: lazy(() => import('./cli/database.ts'), (m) => m.backup),
  restore: lazy(() => import('./cli/database.ts'), (m) => m.restore),
};

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseOptions(rest);
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(usage);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const chosen = Object.prototype.hasOwnProperty.call(commands, command) ? commands[command] : undefined;
  if (!chosen) throw new UsageError(`unknown command "${command}"`);
  return chosen({ config, values, positionals });
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
