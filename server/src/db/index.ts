import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** A database handle or a transaction: repositories take either. */
export type Queryable = Kysely<Database>;
export type { Database } from './schema.ts';
export { openDatabase, type Db, type DatabaseOptions, type Engine } from './database.ts';

/** Is this a unique-constraint violation (optionally of a named constraint)? */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** Was this an insert of an id another organisation already took (migration 20261201T1700, answered `409 id_conflict`)? */
export function isIdConflict(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'RL409';
}

/** Escapes LIKE wildcards in a literal prefix. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` already is
 * one (a sync push applies each operation in its own transaction, through the
 * same service code as the API).
 */
export function withTransaction<T>(db: Queryable, work: (trx: Queryable) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
export { cappedTotal } from './paging.ts';
