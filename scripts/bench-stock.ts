// Stock bench (issue 17): stock on hand and months of stock for 200 units × 15 items, and the
// monthly stock report of every unit. The issue asks for this after 5 years of services (10 M);
// here RELAIS_BENCH_STOCK_SERVICES (default 50,000) services over 5 years, so that the suite runs
// in about a minute on a shared two-core machine. The reads do not grow with the services: they
// read the balances and monthly sums the ledger's triggers keep (200 × 15 balances, 200 × 15 × 60
// months), not the lines; the services only cost at write time. Synthetic data generated in SQL:
// units, persons, 8 items of the organisation's own beside the 7 default ones, a receipt per unit,
// item and month, the services (condoms, lubricant, injection kits, methadone, HIV tests) and their
// distribution lines written by the product's one rule (`followServices`, 5 000 services a
// statement, timed). Measures over HTTP (app.inject), as the administrator of the root:
// GET /stock/on-hand (all units; one unit), GET /stock/report (all units, last month) and its XLSX.
// Embedded always; PostgreSQL too with RELAIS_BENCH_DATABASE_URL.
import { sql } from 'kysely';
import type { Db } from '../server/src/db/index.ts';
import { followServices } from '../server/src/modules/stock/index.ts';
import { onEachEngine } from './bench-engines.ts';
import { benchApp, percentile } from './bench-app.ts';

const UNITS = 200;
const MONTHS = 60;
const SERVICES = Number(process.env.RELAIS_BENCH_STOCK_SERVICES ?? 50_000);
const PERSONS = 20_000;
const RUNS = 40;

const uuidOf = (textExpr: string) => sql.raw(`overlay(overlay(md5(${textExpr}) placing '4' from 13) placing '8' from 17)::uuid`);

async function measure(db: Db) {
  const { org, app, login } = await benchApp(db, 'stock');
  const admin = await login('admin');
  const o = org.organisationId;
  const root = org.rootUnitId;
  const t0 = performance.now();
  await sql`
    insert into org_unit (organisation_id, id, code, name, level, parent_id, path)
    select ${o}::uuid, ${uuidOf(`'u' || i`)}, 'U' || i, 'Unité ' || i, 'section', ${root}::uuid, '/' || ${root} || '/' || ${uuidOf(`'u' || i`)} || '/'
    from generate_series(1, ${UNITS}::int) as i`.execute(db.kysely);
  await sql`
    insert into stock_item (organisation_id, code, label_fr, label_ar, label_en, unit, low_threshold, updated_by)
    select ${o}::uuid, 'own_item_' || i, 'Article ' || i, 'مادة ' || i, 'Item ' || i, 'box', 50, ${org.adminId}::uuid from generate_series(1, 8) as i`.execute(db.kysely);
  await sql`
    insert into beneficiary (organisation_id, id, code, populations, sex, birth_year, registered_unit_id, registered_on, last_seen_on)
    select ${o}::uuid, ${uuidOf(`'p' || i`)}, 'B' || lpad(i::text, 7, '0') || 'M', array['UDI'], 'M', 1985, ${uuidOf(`'u' || (1 + i % ${UNITS})`)}, date '2021-01-01', date '2021-01-01'
    from generate_series(1, ${PERSONS}::int) as i`.execute(db.kysely);
  // A receipt per unit, item and month over five years (180 000 lines).
  await sql`
    insert into stock_movement (organisation_id, id, org_unit_id, item_code, kind, quantity, movement_date, source, lot, expires_on, created_by)
    select ${o}::uuid, gen_random_uuid(), ${uuidOf(`'u' || u`)}, it.code, 'receipt', 40 + (u + m) % 30, current_date - (m * 30 + 3), 'national_programme', 'L' || m,
      current_date - (m * 30 + 3) + 400, ${org.adminId}::uuid
    from generate_series(1, ${UNITS}::int) as u, generate_series(0, ${MONTHS - 1}::int) as m,
      unnest(array['condoms', 'lubricant', 'injection_kits', 'syringes', 'hiv_test_kits', 'naloxone', 'methadone_mg',
        'own_item_1', 'own_item_2', 'own_item_3', 'own_item_4', 'own_item_5', 'own_item_6', 'own_item_7', 'own_item_8']) as it(code)`.execute(db.kysely);
  await sql`
    insert into service_event (organisation_id, id, contact_id, beneficiary_id, service_date, worker_id, org_unit_id, program, service, quantity, result, strategy, created_by)
    select ${o}::uuid, ${uuidOf(`'s' || i`)}, ${uuidOf(`'k' || i`)}, ${uuidOf(`'p' || (1 + i % ${PERSONS})`)}, current_date - (i % ${MONTHS * 30}),
      ${org.adminId}::uuid, ${uuidOf(`'u' || (1 + i % ${UNITS})`)}, 'harm_reduction', (array['condoms', 'lubricant', 'syringe_kits', 'ost_dose', 'hiv_test'])[1 + i % 5],
      case when i % 5 = 4 then null else 1 + i % 9 end, case when i % 5 = 4 then 'negative' end, case when i % 5 = 4 then 'fixed' end, ${org.adminId}::uuid
    from generate_series(1, ${SERVICES}::int) as i`.execute(db.kysely);
  const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;

  const t1 = performance.now();
  const ids = (await sql<{ id: string }>`select id from service_event where organisation_id = ${o}`.execute(db.kysely)).rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 5000) await db.kysely.transaction().execute((trx) => followServices(trx, o, ids.slice(i, i + 5000)));
  const distributionSeconds = (performance.now() - t1) / 1000;
  await sql`analyze`.execute(db.kysely);
  const lines = (await sql<{ n: number }>`select count(*)::int as n from stock_movement where organisation_id = ${o}`.execute(db.kysely)).rows[0]!.n;

  const time = async (url: string, runs = RUNS) => {
    const ms: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: admin.cookie } });
      ms.push(performance.now() - s);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (!url.includes('.xlsx')) rows = (JSON.parse(res.body) as { rows: unknown[] }).rows.length;
    }
    return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: percentile(ms, 100), rows };
  };
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const results = {
    units: UNITS,
    items: 15,
    services: SERVICES,
    ledgerLines: lines,
    generateSeconds,
    distributionsPerSecond: Math.round(SERVICES / distributionSeconds),
    onHandAllUnits: await time('/stock/on-hand'),
    onHandOneUnit: await time(`/stock/on-hand?orgUnitId=${(await sql<{ id: string }>`select ${uuidOf("'u1'")} as id`.execute(db.kysely)).rows[0]!.id}`),
    monthlyReportAllUnits: await time(`/stock/report?month=${lastMonth}`, 10),
    monthlyReportXlsx: await time(`/stock/report.xlsx?month=${lastMonth}`, 5),
  };
  await app.close();
  return { ...results, goalMet: results.onHandAllUnits.p95 <= 100 && results.monthlyReportAllUnits.p95 <= 2000 };
}

export async function benchStock(): Promise<Record<string, unknown>> {
  return { date: new Date().toISOString(), ...(await onEachEngine((_engine, db) => measure(db))) };
}
