// Cases bench (issue 13): the worklist ("Mes dossiers") of a unit with RELAIS_BENCH_OPEN_CASES
// (default 10,000) open cases, goal p95 ≤ 200 ms. Synthetic data generated in SQL: persons, cases
// (a tenth with an incident in the last days, so inside a 72/120 h window), plan actions (some
// overdue), appointments and three services per case recorded in it. Measures, as the unit's
// coordinator over HTTP (app.inject): the first page of the worklist, the urgent-only list, a
// filtered list (program + worker), and one case's page. Embedded always; PostgreSQL too with
// RELAIS_BENCH_DATABASE_URL.
import { sql } from 'kysely';
import type { Db } from '../server/src/db/index.ts';
import { onEachEngine } from './bench-engines.ts';
import { BENCH_PASSWORD, benchApp, percentile } from './bench-app.ts';

const CASES = Number(process.env.RELAIS_BENCH_OPEN_CASES ?? 10_000);
const RUNS = 60;

const uuidOf = (textExpr: string) => sql.raw(`overlay(overlay(md5(${textExpr}) placing '4' from 13) placing '8' from 17)::uuid`);


async function measure(db: Db) {
  const { org, app, login } = await benchApp(db, 'cases');
  const admin = await login('admin');
  const post = async (who: { cookie: string; csrf: string }, url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body) as { id: string };
  };
  const clinic = (await post(admin, '/org-units', { code: 'CSSR', name: 'CSSR Marrakech', level: 'clinic', parentId: org.rootUnitId })).id;
  const workers: string[] = [];
  for (let i = 0; i < 8; i++) {
    workers.push((await post(admin, '/users', { username: `as${i}`, displayName: `AS ${i}`, password: BENCH_PASSWORD, assignments: [{ role: 'social_worker', orgUnitId: clinic, programs: null }] })).id);
  }
  await post(admin, '/users', { username: 'coord', displayName: 'Coord', password: BENCH_PASSWORD, assignments: [{ role: 'coordinator', orgUnitId: clinic, programs: null }] });
  const coord = await login('coord');

  const t0 = performance.now();
  const o = org.organisationId;
  const w = sql`${workers}::uuid[]`;
  await sql`
    insert into beneficiary (organisation_id, id, code, populations, sex, birth_year, registered_unit_id, registered_on, last_seen_on)
    select ${o}::uuid, ${uuidOf(`'p' || i`)}, 'B' || lpad(i::text, 7, '0') || 'F', array['PS'], 'F', 1990, ${clinic}::uuid, date '2025-01-01', date '2025-01-01'
    from generate_series(1, ${CASES}::int) as i`.execute(db.kysely);
  await sql`
    insert into beneficiary_unit (organisation_id, beneficiary_id, org_unit_id, since, via)
    select ${o}::uuid, ${uuidOf(`'p' || i`)}, ${clinic}::uuid, date '2025-01-01', 'registered' from generate_series(1, ${CASES}::int) as i`.execute(db.kysely);
  // Receptions spread over the last 400 days; a tenth with an incident the day before reception, the last ones in the last days.
  await sql`
    insert into case_file (organisation_id, id, beneficiary_id, program, org_unit_id, opened_at, entry_door, case_worker_id, incident_on, incident_time,
      violence_type, reporting_consent, last_contact_on, created_by)
    select ${o}::uuid, ${uuidOf(`'c' || i`)}, ${uuidOf(`'p' || i`)}, 'gbv', ${clinic}::uuid, localtimestamp - make_interval(days => i % 400, hours => i % 24),
      (array['outreach', 'remote', 'partner', 'word_of_mouth', 'walk_in'])[1 + i % 5], (${w})[1 + i % 8],
      case when i % 10 = 0 then (localtimestamp - make_interval(days => i % 400 + 1))::date end,
      case when i % 20 = 0 then time '22:30' end,
      case when i % 10 = 0 then (array['rape', 'physical_assault', 'psychological_abuse', 'denial_of_resources'])[1 + i % 4] end, i % 3 = 0,
      (localtimestamp - make_interval(days => i % 400, hours => i % 24))::date, (${w})[1 + i % 8]
    from generate_series(1, ${CASES}::int) as i`.execute(db.kysely);
  await sql`
    insert into case_action (organisation_id, id, case_id, what, due_on, status, created_by)
    select ${o}::uuid, ${uuidOf(`'a' || i || '-' || k`)}, ${uuidOf(`'c' || i`)}, 'Action ' || k, current_date + (i % 90) - 45,
      (array['planned', 'in_progress', 'done'])[1 + (i + k) % 3], (${w})[1 + i % 8]
    from generate_series(1, ${CASES}::int) as i, generate_series(1, 2) as k`.execute(db.kysely);
  await sql`
    insert into case_appointment (organisation_id, id, case_id, at, purpose, created_by)
    select ${o}::uuid, ${uuidOf(`'r' || i`)}, ${uuidOf(`'c' || i`)}, localtimestamp + make_interval(days => i % 60 - 20), 'Suivi', (${w})[1 + i % 8]
    from generate_series(1, ${CASES}::int) as i`.execute(db.kysely);
  await sql`
    insert into service_event (organisation_id, id, contact_id, beneficiary_id, service_date, worker_id, org_unit_id, program, service, created_by, case_id)
    select ${o}::uuid, ${uuidOf(`'s' || i || '-' || k`)}, ${uuidOf(`'k' || i || '-' || k`)}, ${uuidOf(`'p' || i`)}, current_date - (i % 400) + k * 5,
      (${w})[1 + i % 8], ${clinic}::uuid, 'gbv', (array['psychological_support', 'legal_admin_support', 'medical_support'])[k], (${w})[1 + i % 8], ${uuidOf(`'c' || i`)}
    from generate_series(1, ${CASES}::int) as i, generate_series(1, 3) as k
    where current_date - (i % 400) + k * 5 <= current_date`.execute(db.kysely);
  await sql`analyze`.execute(db.kysely);
  const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;

  const time = async (url: string) => {
    const ms: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: coord.cookie } });
      ms.push(performance.now() - s);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      total = (JSON.parse(res.body) as { total?: number }).total ?? 1;
    }
    return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: percentile(ms, 100), total };
  };
  const first = (await sql<{ id: string }>`select id from case_file where organisation_id = ${o} order by opened_at desc limit 1`.execute(db.kysely)).rows[0]!.id;
  const results = {
    openCases: CASES,
    generateSeconds,
    worklistFirstPage: await time('/cases?limit=50'),
    worklistSecondPage: await time('/cases?limit=50&offset=50'),
    urgentOnly: await time('/cases?limit=50&urgentOnly=true'),
    oneWorkerGbv: await time(`/cases?limit=50&program=gbv&workerId=${workers[0]}`),
    oneCase: await time(`/cases/${first}`),
  };
  await app.close();
  return { ...results, goalMet: results.worklistFirstPage.p95 <= 200 };
}

export async function benchCases(): Promise<Record<string, unknown>> {
  return { date: new Date().toISOString(), ...(await onEachEngine((_engine, db) => measure(db))) };
}
