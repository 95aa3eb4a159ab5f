import { parseArgs } from 'node:util';
import readline from 'node:readline';
import type { z } from 'zod';
import { DomainError, fieldIssuesOf, negotiateLocale, type Locale } from '@relais/core';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { RequestContext } from '../context/index.ts';
import { openConfiguredDatabase } from '../db/configured.ts';
import { syncReportFacts } from '../modules/reports/index.ts';
import { operatorContext } from '../modules/setup/index.ts';

// Operator messages of the CLI are in English (like logs); domain errors are
// translated into the language of RELAIS_LANG or LANG (ADR 0006).
export const locale: Locale = negotiateLocale(process.env.RELAIS_LANG ?? process.env.LANG ?? 'fr');

/** A command used wrongly: said in English with the usage, exit code 2. */
export class UsageError extends Error {}

/** The command line's options (each command reads those it knows). */
export function parseOptions(args: string[]) {
  return parseArgs({
    args,
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
      territory: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
}

/** What a command receives: the checked configuration, its options and its positional arguments. */
export interface CommandInput {
  config: Config;
  values: ReturnType<typeof parseOptions>['values'];
  positionals: string[];
}

/** A command: returns the exit code, or -1 when it keeps running (a server). */
export type Command = (input: CommandInput) => Promise<number>;

/** Opens the database, brings it up to date and runs `work` on it. */
export async function withDb<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
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

/** The system's context on the organisation named by `--org`; a usage error when there is none. */
export async function contextOf(db: Db, code: string): Promise<RequestContext> {
  const ctx = await operatorContext(db.kysely, code);
  if (!ctx) throw new UsageError(`no organisation with code ${code}`);
  return ctx;
}

/** Parses with a core contract; a bad value names the option. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError('validation_failed', { fields: fieldIssuesOf(parsed.error.issues, value) });
}

/** A password from the environment, else asked twice on the terminal. */
export async function askPassword(envName: string, prompt: string): Promise<string> {
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

/**
 * The operator acting for the network: the directory's import and export are a network
 * coordinator's (`directory.manage`); at the command line the operator of the organisation is one.
 */
export function asNetworkCoordinator(ctx: RequestContext): RequestContext {
  const root = ctx.actor.assignments[0];
  if (!root) return ctx;
  return { ...ctx, actor: { ...ctx.actor, assignments: [...ctx.actor.assignments, { ...root, role: 'network_coordinator' }] } };
}
