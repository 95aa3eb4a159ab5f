// Registry bench (issue: code-first duplicate check at scale).
// Generates RELAIS_BENCH_PERSONS (default 1,000,000) synthetic codes with the default scheme, from
// weighted lists of common Moroccan first names plus generated ones (no real person: names are
// only used to build codes), spread over 50 sections and 250 peer educators; loads them on the
// embedded engine and, with RELAIS_BENCH_DATABASE_URL, on PostgreSQL. Then injects one error of a
// known kind into 1,000 sampled codes and runs the code-first check as the person's own worker:
// latency p50/p95, and recall/precision of the suggestions (the true record among them or not).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildCode, checkCode, defaultCodeScheme, seededRandom, type CodeSexLetter } from '@relais/core';
import type { Db } from '../server/src/db/index.ts';
import { onEachEngine } from './bench-engines.ts';
import { createOrganisation } from '../server/src/modules/setup/index.ts';
import { createRegistryService } from '../server/src/modules/registry/index.ts';
import { Secrets } from '../server/src/lib/secrets.ts';
import type { Actor, RequestContext } from '../server/src/context/index.ts';

const PERSONS = Number(process.env.RELAIS_BENCH_PERSONS ?? 1_000_000);
const SECTIONS = 50;
const WORKERS_PER_SECTION = 5;
const QUERIES = 1000;

const random = seededRandom(20261121);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const mothers = 'Fatima Khadija Aicha Zahra Naima Rachida Malika Saida Fatna Hafida Latifa Zineb Nadia Karima Samira Amina Hayat Souad Mina Hakima Halima Zohra Touria Najat Fouzia Bouchra Jamila Meriem Houria Rkia Mbarka Itto Yamna Hadda Habiba Khadouj Nezha Wafae Ilham Asmae Loubna Siham Hanane Sanaa Laila Imane Hasna Nawal Kenza Ghizlane Salma Sara Yasmina Rabia Zakia Hind Btissam Soumia Mounia'.split(' ');
const fathers = 'Mohamed Ahmed Abdellah Hassan Mustapha Abdelkader Driss Omar Ali Brahim Youssef Said Rachid Abderrahim Lahcen Hamid Abdelaziz Abdelali Khalid Aziz Jamal Larbi Miloud Boujemaa Allal Bouchaib Abdeslam Mbarek Houcine Kacem Tahar Salah Noureddine Karim Hicham Nabil Adil Samir Redouane Jilali Belaid Lhoussaine Idriss Yassine Othmane Mehdi Anas Hamza Ayoub Zakaria'.split(' ');
const consonants = 'BCDFGHJKLMNPRSTVZ'.split('');
const vowels = 'AEIOUY'.split('');

/** Zipf-like choice: common names are much more frequent; 25 % generated names widen the space. */
function name(list: string[]): string {
  const r = random();
  if (r < 0.04) return '';
  if (r < 0.29) return pick(consonants) + pick(vowels) + pick(consonants).toLowerCase() + 'a';
  const rank = Math.floor(list.length * Math.pow(random(), 2.2));
  return list[rank]!;
}
function year(): number {
  return 1960 + Math.floor(Math.pow(random(), 0.7) * 46);
}
function sex(): CodeSexLetter {
  const r = random();
  return r < 0.68 ? 'F' : r < 0.93 ? 'M' : 'T';
}

/** `n` distinct synthetic codes of the default scheme, common names much more frequent (no real person). */
export function syntheticCodes(n: number): string[] {
  const seen = new Set<string>();
  for (let attempts = 0; seen.size < n && attempts < n * 20; attempts++) {
    seen.add(buildCode(defaultCodeScheme, { mother_first_name: name(mothers), father_first_name: name(fathers), birth_year: year(), sex: sex() }));
  }
  return [...seen];
}

type ErrorKind = 'one_letter' | 'letters_swapped' | 'spelling_variant' | 'parents_swapped' | 'year_off_by_one' | 'year_digits_swapped' | 'sex_differs' | 'part_unknown';
const errorKinds: ErrorKind[] = ['one_letter', 'letters_swapped', 'spelling_variant', 'parents_swapped', 'year_off_by_one', 'year_digits_swapped', 'sex_differs', 'part_unknown'];

/** The code with one error of the kind, or null when the kind does not apply to it. */
function inject(code: string, kind: ErrorKind): string | null {
  const parts = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 8), code.slice(8)];
  const p = random() < 0.5 ? 0 : 1;
  const part = parts[p]!;
  switch (kind) {
    case 'one_letter': {
      if (part === 'XX') return null;
      const i = random() < 0.5 ? 0 : 1;
      let c = pick(consonants);
      if (c === part[i]) c = 'W';
      parts[p] = i === 0 ? c + part[1] : part[0] + c;
      break;
    }
    case 'letters_swapped':
      if (part[0] === part[1] || part === 'XX') return null;
      parts[p] = part[1]! + part[0]!;
      break;
    case 'spelling_variant': {
      const i = [...part].findIndex((ch) => 'AEIOU'.includes(ch));
      if (i < 0) return null;
      const v = pick(['A', 'E', 'I', 'O', 'U'].filter((x) => x !== part[i]));
      parts[p] = i === 0 ? v + part[1] : part[0] + v;
      break;
    }
    case 'parents_swapped':
      if (parts[0] === parts[1]) return null;
      [parts[0], parts[1]] = [parts[1]!, parts[0]!];
      break;
    case 'year_off_by_one':
      parts[2] = String(Number(parts[2]) + (random() < 0.5 ? -1 : 1));
      break;
    case 'year_digits_swapped':
      if (parts[2]![2] === parts[2]![3]) return null;
      parts[2] = parts[2]!.slice(0, 2) + parts[2]![3] + parts[2]![2];
      break;
    case 'sex_differs':
      parts[3] = parts[3] === 'F' ? pick(['M', 'T']) : 'F';
      break;
    case 'part_unknown':
      if (part === 'XX') return null;
      parts[p] = 'XX';
      break;
  }
  return parts.join('');
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};

interface Person {
  id: string;
  code: string;
  section: number;
  worker: number;
}

function generate(): Person[] {
  const seen = new Set<string>();
  const people: Person[] = [];
  let attempts = 0;
  while (people.length < PERSONS && attempts < PERSONS * 20) {
    attempts++;
    const code = buildCode(defaultCodeScheme, { mother_first_name: name(mothers), father_first_name: name(fathers), birth_year: year(), sex: sex() });
    if (seen.has(code)) continue; // the same code twice is the same record
    seen.add(code);
    const section = Math.floor(Math.pow(random(), 1.5) * SECTIONS);
    people.push({ id: randomUUID(), code, section, worker: Math.floor(random() * WORKERS_PER_SECTION) });
  }
  return people;
}

async function load(db: Db, people: Person[]) {
  const org = await db.kysely.transaction().execute((trx) =>
    createOrganisation(trx, { organisation: { code: 'BENCH', name: 'Bench' }, admin: { username: 'admin', displayName: 'Admin', password: 'synthetic passphrase 41' }, locale: 'fr' }),
  );
  const sections: { id: string; path: string }[] = [];
  const workers: string[][] = [];
  for (let s = 0; s < SECTIONS; s++) {
    const id = randomUUID();
    const path = `/${org.rootUnitId}/${id}/`;
    await db.kysely.insertInto('org_unit').values({ organisation_id: org.organisationId, id, code: `S${s}`, name: `Section ${s}`, level: 'section', parent_id: org.rootUnitId, path }).execute();
    sections.push({ id, path });
    const ws: string[] = [];
    for (let w = 0; w < WORKERS_PER_SECTION; w++) {
      const uid = randomUUID();
      await db.kysely.insertInto('app_user').values({ organisation_id: org.organisationId, id: uid, username: `ep.${s}.${w}`, display_name: `EP ${s}.${w}`, password_hash: 'x', locale: 'fr' }).execute();
      await db.kysely.insertInto('role_assignment').values({ organisation_id: org.organisationId, id: randomUUID(), user_id: uid, role: 'peer_educator', org_unit_id: id, programs: null }).execute();
      ws.push(uid);
    }
    workers.push(ws);
  }
  const t0 = performance.now();
  const batch = 10_000;
  for (let i = 0; i < people.length; i += batch) {
    const slice = people.slice(i, i + batch);
    const ids = slice.map((p) => p.id);
    const codes = slice.map((p) => p.code);
    const units = slice.map((p) => sections[p.section]!.id);
    const by = slice.map((p) => workers[p.section]![p.worker]!);
    const sexes = slice.map((p) => (p.code.endsWith('M') ? 'M' : 'F'));
    await sql`
      insert into beneficiary (organisation_id, id, code, populations, sex, registered_unit_id, registered_on, registered_by, last_seen_on)
      select ${org.organisationId}::uuid, u.id, u.code,
        array['PS'], u.sex, u.unit, date '2020-01-01' + (abs(hashtext(u.code)) % 1800), u.by, date '2025-01-01'
      from unnest(${ids}::uuid[], ${codes}::text[], ${units}::uuid[], ${by}::uuid[], ${sexes}::text[]) as u(id, code, unit, by, sex)`.execute(db.kysely);
    await sql`
      insert into beneficiary_unit (organisation_id, beneficiary_id, org_unit_id, since, via)
      select ${org.organisationId}::uuid, u.id, u.unit, date '2020-01-01', 'registered'
      from unnest(${ids}::uuid[], ${units}::uuid[]) as u(id, unit)`.execute(db.kysely);
    if ((i / batch) % 20 === 0) process.stdout.write(`  loaded ${i + slice.length}\n`);
  }
  await sql`analyze`.execute(db.kysely);
  return { org, sections, workers, loadSeconds: Math.round((performance.now() - t0) / 100) / 10 };
}

function actorFor(org: { organisationId: string }, section: { id: string; path: string }, userId: string): RequestContext {
  const actor: Actor = {
    userId,
    username: 'ep',
    displayName: 'EP',
    locale: 'fr',
    organisationId: org.organisationId,
    organisationCode: 'BENCH',
    organisationName: 'Bench',
    assignments: [{ id: randomUUID(), role: 'peer_educator', orgUnitId: section.id, orgUnitPath: section.path, orgUnitCode: 'S', orgUnitName: 'S', programs: null }],
    session: { tokenHash: 'x', csrfToken: 'x', expiresAt: new Date(Date.now() + 3_600_000) },
  };
  return { actor, requestId: 'bench', ip: '127.0.0.1' };
}

async function measure(engine: string, db: Db, people: Person[]) {
  console.log(`  ${engine}: loading ${people.length} codes`);
  const loaded = await load(db, people);
  const registry = createRegistryService(db.kysely, Secrets.load({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-key-')) }));
  const codes = new Set(people.map((p) => p.code));
  const sample: { person: Person; typed: string; kind: ErrorKind }[] = [];
  let collisions = 0;
  let caughtByValidation = 0;
  while (sample.length < QUERIES) {
    const person = people[Math.floor(random() * people.length)]!;
    const kind = errorKinds[sample.length % errorKinds.length]!;
    const typed = inject(person.code, kind);
    if (!typed) continue;
    if (!checkCode(defaultCodeScheme, typed).ok) {
      caughtByValidation++; // e.g. 2005 → 2050: the user is told the year is impossible before any search
      continue;
    }
    if (codes.has(typed)) {
      collisions++; // the mistyped code is somebody else's: an exact match, not a duplicate question
      continue;
    }
    sample.push({ person, typed, kind });
  }
  // Warm up caches.
  for (const q of sample.slice(0, 50)) await registry.checkCode(actorFor(loaded.org, loaded.sections[q.person.section]!, loaded.workers[q.person.section]![q.person.worker]!), q.typed);
  const latencies: number[] = [];
  let found = 0;
  let top1 = 0;
  let suggested = 0;
  let suggestedTop3 = 0;
  let foundTop3 = 0;
  const byKind: Record<string, { n: number; found: number }> = {};
  for (const q of sample) {
    const ctx = actorFor(loaded.org, loaded.sections[q.person.section]!, loaded.workers[q.person.section]![q.person.worker]!);
    const t0 = performance.now();
    const r = await registry.checkCode(ctx, q.typed);
    latencies.push(performance.now() - t0);
    const shown = r.probable.filter((p) => p.inScope);
    const hit = shown.findIndex((p) => p.id === q.person.id);
    suggested += shown.length;
    suggestedTop3 += Math.min(3, shown.length);
    if (hit >= 0) found++;
    if (hit >= 0 && hit < 3) foundTop3++;
    if (hit === 0) top1++;
    byKind[q.kind] ??= { n: 0, found: 0 };
    byKind[q.kind]!.n++;
    if (hit >= 0) byKind[q.kind]!.found++;
  }
  // New persons (codes nobody has): every suggestion is a false alarm.
  let falseAlarms = 0;
  let newChecked = 0;
  while (newChecked < 300) {
    const code = buildCode(defaultCodeScheme, { mother_first_name: name(mothers), father_first_name: name(fathers), birth_year: year(), sex: sex() });
    if (codes.has(code)) continue;
    newChecked++;
    const s = Math.floor(random() * SECTIONS);
    const r = await registry.checkCode(actorFor(loaded.org, loaded.sections[s]!, loaded.workers[s]![0]!), code);
    if (r.probable.some((p) => p.inScope)) falseAlarms++;
  }
  return {
    persons: people.length,
    loadSeconds: loaded.loadSeconds,
    checkLatencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: percentile(latencies, 100), n: latencies.length },
    injected: sample.length,
    skippedBecauseTypoIsAnotherCode: collisions,
    skippedBecauseCaughtByValidation: caughtByValidation,
    recall: Math.round((found / sample.length) * 1000) / 1000,
    recallTop3: Math.round((foundTop3 / sample.length) * 1000) / 1000,
    precisionTop1: Math.round((top1 / sample.length) * 1000) / 1000,
    precisionAllSuggestions: Math.round((found / Math.max(1, suggested)) * 1000) / 1000,
    precisionTop3: Math.round((foundTop3 / Math.max(1, suggestedTop3)) * 1000) / 1000,
    meanSuggestionsInSection: Math.round((suggested / sample.length) * 100) / 100,
    newCodesWithAnySuggestion: Math.round((falseAlarms / newChecked) * 1000) / 1000,
    recallByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, Math.round((v.found / v.n) * 1000) / 1000])),
  };
}

export async function benchRegistry(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const people = generate();
  const header = { date: new Date().toISOString(), generatedIn: Math.round(performance.now() - t0) + ' ms', sections: SECTIONS, workers: SECTIONS * WORKERS_PER_SECTION };
  return { ...header, ...(await onEachEngine((engine, db) => measure(engine, db, people))) };
}
