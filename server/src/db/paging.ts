import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { LIST_COUNT_CAP } from '@relais/core';
import type { Database } from './schema.ts';

/** A database handle or a transaction (as `Queryable` in index.ts, which re-exports this file). */
type Queryable = Kysely<Database>;

/**
 * The total of a long list (services, persons, probable duplicates), counted only up to
 * `offset + LIST_COUNT_CAP` rows: counting a busy section's or a large registry's every match
 * cost more than the page itself (190 ms for 20,000 services on the embedded engine, seconds for
 * 800,000 duplicate pairs). When more match, `totalCapped` is true and `total` is the bound;
 * the screens then say "of more than".
 */
export async function cappedTotal<DB, TB extends keyof DB, O>(db: Queryable, base: SelectQueryBuilder<DB, TB, O>, offset: number): Promise<{ total: number; totalCapped: boolean }> {
  const bound = offset + LIST_COUNT_CAP;
  const counted = await db
    .selectFrom(base.select(sql`1`.as('one')).limit(bound + 1).as('m'))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return { total: Math.min(counted.n, bound), totalCapped: counted.n > bound };
}
