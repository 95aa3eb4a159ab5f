import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { appPerSuite, engine } from '../../test/harness.ts';
import { refreshStatistics } from './maintenance.job.ts';

// The planner needs to know how big the tables are; PGlite never analyses them by itself.
describe(`planner statistics (${engine})`, () => {
  const suite = appPerSuite('STAT');

  it('knows how many users there are after the refresh', async () => {
    const org = await suite.t.db.kysely.selectFrom('app_user').select(['organisation_id', 'password_hash']).executeTakeFirstOrThrow();
    await sql`
      insert into app_user (organisation_id, id, username, display_name, password_hash)
      select ${org.organisation_id}::uuid, gen_random_uuid(), 'user' || k, 'User ' || k, ${org.password_hash} from generate_series(1, 500) as k`.execute(suite.t.db.kysely);
    await refreshStatistics(suite.t.db.kysely);
    const estimate = await sql<{ rows: number }>`select reltuples::int as rows from pg_class where relname = 'app_user'`.execute(suite.t.db.kysely);
    expect(estimate.rows[0]!.rows).toBeGreaterThanOrEqual(500);
  });
});
