/**
 * Hostile input (issue 18, item 7; ADR 0030): for every write operation of the OpenAPI document,
 * `RELAIS_HOSTILE_RUNS` malformed variants of a valid-looking request (fast-check, `hostile.ts`),
 * sent with the session of a user allowed to write there. No answer may be a 5xx, and a refused
 * request (4xx) must leave the database exactly as it was (no committed row change, counted by
 * triggers; each table's rows hashed around an operation whose every variant was refused).
 *
 * CI runs a bounded count (the default below); the 1,000 per operation is
 * `RELAIS_HOSTILE_RUNS=1000 npx vitest run server/test/probes/hostile-input.db.test.ts`
 * (`RELAIS_HOSTILE_FROM=<rank>` resumes a run cut short at that operation).
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants, type Permission, type Role } from '@relais/core';
import { createTestApp, engine, type Client, type TestApp } from '../harness.ts';
import { buildPlace, type OpenApiDoc, type Place } from './world.ts';
import { requestOf, send } from './requests.ts';
import { variantsOf } from './hostile.ts';

const runs = Number(process.env.RELAIS_HOSTILE_RUNS ?? 8);
/** A long manual run in parts: start at this write operation (its rank in the list the run prints). */
const from = Number(process.env.RELAIS_HOSTILE_FROM ?? 0);
const seed = Number(process.env.RELAIS_HOSTILE_SEED ?? 18);
/** Tables every request changes (the session's last use, login throttling): not what a refused request may not touch. */
const moving = new Set(['session', 'login_throttle', 'kysely_migration', 'kysely_migration_lock']);

/** Each table's row count and a hash of its rows, in one query. */
async function fingerprint(t: TestApp, tables: string[]): Promise<Record<string, string>> {
  await t.app.reportFacts.idle(); // the report facts follow accepted writes in the background
  const parts = tables.map((name) => `select '${name}' as name, count(*)::text || ':' || coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '') as print from "${name}" x`);
  const { rows } = await sql<{ name: string; print: string }>`${sql.raw(parts.join(' union all '))}`.execute(t.db.kysely);
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

/**
 * A counter of committed row changes in every table but the moving ones (a row trigger each,
 * installed by this test only): a refused request must leave it where it was. Rolled back with
 * what it counts, so a write undone by its transaction leaves no trace, as it should. Reading it
 * is one row, where hashing every table after each request made 1,000 variants an hour's work.
 */
async function countChanges(t: TestApp, tables: string[]): Promise<void> {
  await sql`create table hostile_change (n bigint not null); insert into hostile_change values (0);
    create function hostile_count() returns trigger language plpgsql as $$ begin update hostile_change set n = n + 1; return null; end $$;`.execute(t.db.kysely);
  for (const name of tables) {
    await sql.raw(`create trigger hostile_count after insert or update or delete on "${name}" for each row execute function hostile_count();
      create trigger hostile_count_truncate after truncate on "${name}" for each statement execute function hostile_count();`).execute(t.db.kysely);
  }
}

async function changes(t: TestApp): Promise<number> {
  await t.app.reportFacts.idle(); // the report facts follow accepted writes in the background
  return Number((await sql<{ n: string }>`select n::text from hostile_change`.execute(t.db.kysely)).rows[0]!.n);
}

describe(`hostile input on every write (${engine})`, () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let place: Place;
  let writers: Awaited<ReturnType<typeof buildPlace>>['writers'];
  let tables: string[];

  beforeAll(async () => {
    t = await createTestApp();
    ({ doc, place, writers } = await buildPlace(t));
    const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(t.db.kysely);
    tables = rows.map((r) => r.name).filter((n) => !moving.has(n));
    await countChanges(t, tables);
  }, 300_000);
  afterAll(() => t.close());

  it(`answers ${runs} malformed requests per write operation without a 5xx, and a refused one changes nothing`, async () => {
    const writes = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .filter((k) => !k.startsWith('GET ') && !['POST /api/v1/auth/logout', 'POST /api/v1/auth/login', 'POST /api/v1/setup'].includes(k));
    const failures: string[] = [];
    const counts = { sent: 0, refused: 0, accepted: 0 };
    const started = Date.now();
    for (const [rank, key] of writes.entries()) {
      if (rank < from) continue;
      const [method, p] = key.split(' ') as [string, string];
      const op = doc.paths[p]![method.toLowerCase()]!;
      const client = writerOf(writers, op['x-permission'] as Permission | undefined);
      const base = await requestOf(doc, key, place);
      if (base.raw) continue; // file uploads: the import tests send broken files
      // After what the request needed made (a fresh merge, a saved list): the whole database's print, and the counter.
      const printed = await fingerprint(t, tables);
      let before = await changes(t);
      let accepted = 0;
      const pathIds = p.includes('{');
      const variants = fc.sample(variantsOf(base.body ?? null, pathIds), { seed, numRuns: runs });
      for (const variant of variants) {
        const url = variant.pathId ? pathWithId(base.url, variant.pathId) : base.url;
        const res = await send(client, { method: base.method, url, body: variant.body === null ? undefined : variant.body });
        counts.sent++;
        const after = await changes(t);
        const what = `${key} (${variant.what.slice(0, 60)})`;
        if (res.status >= 500) failures.push(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
        else if (res.status >= 400) {
          counts.refused++;
          if (after !== before) failures.push(`${what}: refused ${res.status} but changed ${after - before} rows`);
        } else {
          counts.accepted++;
          accepted++;
        }
        before = after;
      }
      if (runs >= 100) console.log(`#${rank} ${key}: ${variants.length} variants, ${failures.length} failures so far, ${Math.round((Date.now() - started) / 1000)} s`);
      // The counter's witness: an operation whose every variant was refused left every table as it was.
      if (accepted === 0) {
        const end = await fingerprint(t, tables);
        const changed = tables.filter((name) => printed[name] !== end[name]);
        if (changed.length) failures.push(`${key}: every variant refused but changed ${changed.join(', ')}`);
      }
    }
    console.log(`hostile input: ${writes.length} write operations, ${counts.sent} requests (${counts.refused} refused, ${counts.accepted} accepted) in ${Date.now() - started} ms`);
    expect(failures).toEqual([]);
    // The counter sees writes: the accepted variants moved it.
    if (counts.accepted > 0) expect(await changes(t)).toBeGreaterThan(0);
  }, Math.max(900_000, runs * 6_000));
});

/** The first of the place's writers whose role holds the permission (the maker, on the case team, for case writes without one). */
function writerOf(writers: Awaited<ReturnType<typeof buildPlace>>['writers'], permission: Permission | undefined): Client {
  if (!permission) return writers.social_worker!;
  if (roleGrants('administrator', permission)) return writers.root;
  for (const role of ['social_worker', 'coordinator', 'network_coordinator'] as Role[]) if (writers[role] && roleGrants(role, permission)) return writers[role]!;
  return writers.root;
}

/** The URL with its first path id (a UUID segment or the last segment) replaced. */
function pathWithId(url: string, id: string): string {
  const [path, query] = url.split('?') as [string, string | undefined];
  const segments = path.split('/');
  const at = segments.findIndex((s) => /^[0-9a-f-]{36}$/.test(s));
  segments[at >= 0 ? at : segments.length - 1] = id;
  return segments.join('/') + (query ? `?${query}` : '');
}
