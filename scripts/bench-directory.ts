// Directory bench (issue 14): a national directory of RELAIS_BENCH_DIRECTORY_SERVICES (default
// 5,000) services at 8,000 locations with 20,000 focal points (generated HSDS, imported through the
// module's import). Measures, over HTTP as a peer educator: search by need and territory (goal
// p95 ≤ 100 ms), by need + territory + language + open now, free text; and the HSDS export of the
// whole directory (goal ≤ 5 s). Embedded always; PostgreSQL too with RELAIS_BENCH_DATABASE_URL.
import { sql } from 'kysely';
import { defaultServiceTypes } from '@relais/core';
import type { Db } from '../server/src/db/index.ts';
import { onEachEngine } from './bench-engines.ts';
import { BENCH_PASSWORD, benchApp, percentile } from './bench-app.ts';
import { exportDirectory, importDirectory } from '../server/src/modules/directory/index.ts';
import { sampleDirectory, sampleTerritories } from '../server/src/demo/directory-sample.ts';

const SERVICES = Number(process.env.RELAIS_BENCH_DIRECTORY_SERVICES ?? 5000);
const RUNS = 60;


async function measure(db: Db) {
  const { org, app, login } = await benchApp(db, 'directory');
  const admin = await login('admin');
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    payload: { username: 'paire', displayName: 'Paire', password: BENCH_PASSWORD, assignments: [{ role: 'peer_educator', orgUnitId: org.rootUnitId, programs: null }] },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const peer = await login('paire');

  const file = sampleDirectory({ services: SERVICES, locations: Math.round(SERVICES * 1.6), contacts: SERVICES * 4, today: new Date().toISOString().slice(0, 10) });
  const actor = {
    userId: admin.userId,
    username: 'operator',
    displayName: 'Bench',
    locale: 'fr' as const,
    organisationId: org.organisationId,
    organisationCode: 'BENCH',
    organisationName: 'Bench',
    assignments: [{ id: 'bench', role: 'network_coordinator' as const, orgUnitId: org.rootUnitId, orgUnitPath: `/${org.rootUnitId}/`, orgUnitCode: 'ROOT', orgUnitName: 'Root', programs: null }],
    session: { tokenHash: '', csrfToken: '', expiresAt: new Date() },
  };
  const t0 = performance.now();
  const imported = await importDirectory(db.kysely, actor, file);
  await sql`analyze`.execute(db.kysely);
  const importSeconds = Math.round((performance.now() - t0) / 100) / 10;

  let i = 0;
  const time = async (urlOf: () => string) => {
    const ms: number[] = [];
    let total = 0;
    for (let r = 0; r < RUNS; r++) {
      const url = urlOf();
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: peer.cookie } });
      ms.push(performance.now() - s);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      total += (JSON.parse(res.body) as { total: number }).total;
    }
    return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: percentile(ms, 100), meanTotal: Math.round(total / RUNS) };
  };
  const next = () => {
    i++;
    return { need: defaultServiceTypes[i % defaultServiceTypes.length]!, territory: sampleTerritories[i % sampleTerritories.length]!.code };
  };
  const results = {
    services: imported.services,
    locations: imported.locations,
    contacts: imported.contacts,
    importSeconds,
    searchNeedTerritory: await time(() => {
      const n = next();
      return `/directory/services?need=${n.need}&territory=${n.territory}`;
    }),
    searchNeedTerritoryLanguageOpenNow: await time(() => {
      const n = next();
      return `/directory/services?need=${n.need}&territory=${n.territory}&language=fr&openNow=true`;
    }),
    searchText: await time(() => `/directory/services?q=${encodeURIComponent(sampleTerritories[i++ % sampleTerritories.length]!.fr)}`),
    toVerify: await time(() => `/directory/services?staleOnly=true&territory=${next().territory}`),
    exportSeconds: 0,
  };
  const e0 = performance.now();
  const exported = await exportDirectory(db.kysely, undefined);
  const bytes = Buffer.byteLength(JSON.stringify(exported));
  results.exportSeconds = Math.round((performance.now() - e0) / 100) / 10;
  await app.close();
  return { ...results, exportedServices: exported.length, exportMegabytes: Math.round(bytes / 1e5) / 10, goalMet: results.searchNeedTerritory.p95 <= 100 && results.exportSeconds <= 5 };
}

export async function benchDirectory(): Promise<Record<string, unknown>> {
  return { date: new Date().toISOString(), ...(await onEachEngine((_engine, db) => measure(db))) };
}
