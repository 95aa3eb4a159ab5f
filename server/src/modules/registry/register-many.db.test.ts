import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildCode, closestOf, compareCodes, defaultCodeScheme, neighbourCodes, PAIRS_PER_NEW_RECORD } from '@relais/core';
import { createOrg, createTestApp, createUnit, engine, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { createImportService, type Table } from '../imports/index.ts';

/** Codes of a crowded registry: few names and years, so many are one letter, one year or one swap apart. */
function crowdedCodes(n: number, seed: number): string[] {
  let s = seed;
  const random = () => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const names = ['Fatima', 'Fetouma', 'Mohamed', 'Mhamed', 'Omar', 'Khadija', 'Qadija', 'Zahra', 'Said', 'Aicha', '', 'Malika'];
  const out = new Set<string>();
  while (out.size < n) {
    out.add(buildCode(defaultCodeScheme, { mother_first_name: pick(names), father_first_name: pick(names), birth_year: random() < 0.08 ? null : pick([1985, 1986, 1958, 1995, 1990]), sex: pick(['F', 'F', 'M', 'T'] as const) }));
  }
  return [...out];
}

const table = (codes: string[]): Table => ({
  columns: ['code', 'populations', 'sex', 'section', 'registered_on'],
  // Each row's sex is the one its code carries (the registry refuses a record its code contradicts).
  rows: codes.map((code, i) => ({ line: i + 2, cells: { code, populations: 'PS', sex: code.endsWith('M') ? 'M' : 'F', section: 'DUP', registered_on: '2024-01-01' } })),
});

describe(`probable duplicates of an import (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'DUP');
  });
  afterAll(() => t.close());

  /** The open pairs in the review queue, as codes. */
  const queued = async (organisationId = org.organisationId) => {
    const rows = await sql<{ a: string; b: string; score: number; reasons: unknown }>`
      select least(x.code, y.code) as a, greatest(x.code, y.code) as b, p.score, p.reasons
      from beneficiary_pair p join beneficiary x on x.organisation_id = p.organisation_id and x.id = p.a_id join beneficiary y on y.organisation_id = p.organisation_id and y.id = p.b_id
      where p.organisation_id = ${organisationId} and p.status = 'open'`.execute(t.db.kysely);
    return rows.rows.map((r) => `${r.a} ${r.b} ${Math.round(r.score * 100)} ${JSON.stringify(r.reasons)}`).sort();
  };
  const show = (p: string, n: string, score: number, reasons: unknown) => `${p < n ? p : n} ${p < n ? n : p} ${Math.round(score * 100)} ${JSON.stringify(reasons)}`;
  const activeCodes = async () =>
    new Set((await t.db.kysely.selectFrom('beneficiary').select('code').where('organisation_id', '=', org.organisationId).where('merged_into', 'is', null).execute()).map((r) => r.code));

  /** Every pair the former per-row check queued after writing the file: each new code's neighbours looked up among the active records. */
  const oneByOne = async (fresh: string[]) => {
    const active = await activeCodes();
    const out: string[] = [];
    for (const p of fresh) {
      for (const n of neighbourCodes(defaultCodeScheme, p)) {
        const match = active.has(n) ? compareCodes(defaultCodeScheme, p, n) : null;
        if (match) out.push(show(p, n, match.score, match.reasons));
      }
    }
    return out;
  };

  /** What registering the file's rows one by one, in its order, queues (the one-code check, its closest few each): the import's rule. */
  const closestOneByOne = async (fresh: string[]) => {
    const active = await activeCodes();
    for (const p of fresh) active.delete(p); // the registry as it stood before the file
    const out: string[] = [];
    for (const p of fresh) {
      const candidates = neighbourCodes(defaultCodeScheme, p).flatMap((code) => {
        const match = active.has(code) ? compareCodes(defaultCodeScheme, p, code) : null;
        return match ? [{ code, match }] : [];
      });
      for (const c of closestOf(candidates)) out.push(show(p, c.code, c.match.score, c.match.reasons));
      active.add(p);
    }
    return out.sort();
  };

  it('queues the pairs of the per-row check, each new record its closest, within the file and against the registry, walking the registry or looking neighbours up', async () => {
    const importer = { organisationId: org.organisationId, ctx: null };
    const imports = createImportService(t.db.kysely);
    await imports.importTable(importer, 'org-units', { columns: ['code', 'name', 'parent_code', 'level'], rows: [{ line: 2, cells: { code: 'DUP', name: 'Section', parent_code: '', level: 'section' } }] });
    const all = crowdedCodes(1300, 7);
    // Planted: FAMO1985F already registered; the file brings its variants, and variants of each other.
    const registry = ['FAMO1985F', 'FAKH1990F', ...all.slice(0, 500).filter((c) => c !== 'FAMO1985F' && c !== 'FAKH1990F')];
    const planted = ['FEMO1985F', 'MOFA1985F', 'FAMO1986F', 'FAMO9999F', 'FAMO1985M', 'FAXX1985F', 'AFMO1985F', 'FAMO1958F', 'FEMO1986F'];
    const big = [...planted, ...all.slice(500, 1100).filter((c) => !registry.includes(c) && !planted.includes(c))];
    const small = all.slice(1100).filter((c) => !registry.includes(c) && !big.includes(c)).slice(0, 150);
    expect((await imports.importTable(importer, 'beneficiaries', table(registry))).applied).toBe(true);
    // A merged record is nobody's duplicate any more.
    await sql`update beneficiary set merged_into = (select id from beneficiary where organisation_id = ${org.organisationId} and code = 'FAMO1985F')
      where organisation_id = ${org.organisationId} and code = 'FAKH1990F'`.execute(t.db.kysely);
    await sql`delete from beneficiary_pair where organisation_id = ${org.organisationId}`.execute(t.db.kysely);

    // More than 500 new codes: the registry is walked once.
    expect(await imports.importTable(importer, 'beneficiaries', table([...big, 'FAKH1991F']))).toMatchObject({ applied: true, created: big.length + 1 });
    const expectedBig = await oneByOne([...big, 'FAKH1991F']);
    const queuedBig = await queued();
    expect(queuedBig).toEqual(await closestOneByOne([...big, 'FAKH1991F']));
    // Every pair queued is one the per-row check finds; the crowded file finds more than its closest.
    expect(queuedBig.filter((p) => !expectedBig.includes(p))).toEqual([]);
    expect(queuedBig.length).toBeLessThan(new Set(expectedBig).size);
    expect(expectedBig.filter((p) => p.startsWith('FAKH1990F') || p.includes(' FAKH1990F '))).toEqual([]);
    const plantedPairs = expectedBig.filter((p) => p.includes('FAMO1985F'));
    expect(plantedPairs.length).toBeGreaterThanOrEqual(planted.length - 1); // against the registry
    expect(expectedBig.some((p) => p.startsWith('FAMO1986F FEMO1986F') || p.startsWith('FEMO1985F FEMO1986F'))).toBe(true); // within the file

    // A few new codes: their neighbours are looked up by the code index.
    await sql`delete from beneficiary_pair where organisation_id = ${org.organisationId}`.execute(t.db.kysely);
    expect(await imports.importTable(importer, 'beneficiaries', table(small))).toMatchObject({ applied: true, created: small.length });
    const expectedSmall = await oneByOne(small);
    expect(expectedSmall.length).toBeGreaterThan(20);
    const queuedSmall = await queued();
    expect(queuedSmall).toEqual(await closestOneByOne(small));
    expect(queuedSmall.filter((p) => !expectedSmall.includes(p))).toEqual([]);
  });

  // FAMO1985F and eight near codes, likeliest first: its five closest are the pairs kept.
  const person = 'FAMO1985F';
  const near = ['MOFA1985F', 'AFMO1985F', 'FAMO1986F', 'FEMO1985F', 'FAMO1958F', 'FAMO1985M', 'FAMO9999F', 'FAXX1985F'];
  const closest = [
    `FAMO1985F MOFA1985F 90 [{"kind":"parents_swapped"}]`,
    `AFMO1985F FAMO1985F 88 [{"kind":"letters_swapped","part":"mother_first_name"}]`,
    `FAMO1985F FAMO1986F 85 [{"kind":"year_off_by_one","part":"birth_year"}]`,
    `FAMO1985F FEMO1985F 85 [{"kind":"spelling_variant","part":"mother_first_name"}]`,
    `FAMO1958F FAMO1985F 80 [{"kind":"year_digits_swapped","part":"birth_year"}]`,
  ].sort();
  /** The open pairs of one code. */
  const pairsOf = async (organisationId: string, code: string) => (await queued(organisationId)).filter((p) => p.split(' ').slice(0, 2).includes(code));

  it(`queues at most ${PAIRS_PER_NEW_RECORD} probable duplicates a new record, its closest, by import, within a file and by registration`, async () => {
    expect(PAIRS_PER_NEW_RECORD).toBe(closest.length);
    const imports = createImportService(t.db.kysely);
    const orgWith = async (code: string) => {
      const o = await createOrg(t, code);
      const section = await createUnit(o.admin, o.rootUnitId, 'DUP');
      return { o, section, importer: { organisationId: o.organisationId, ctx: null } };
    };
    // Against the registry: the near codes registered, then the person imported.
    const registry = await orgWith('CAPREG');
    expect((await imports.importTable(registry.importer, 'beneficiaries', table(near))).applied).toBe(true);
    expect((await imports.importTable(registry.importer, 'beneficiaries', table([person]))).applied).toBe(true);
    expect(await pairsOf(registry.o.organisationId, person)).toEqual(closest);
    // Within one file, the person after her near codes: the same five.
    const file = await orgWith('CAPFILE');
    expect((await imports.importTable(file.importer, 'beneficiaries', table([...near, person]))).applied).toBe(true);
    expect(await pairsOf(file.o.organisationId, person)).toEqual(closest);
    // Registered through the API, one near code declared distinct: that decision is kept, the open pairs are the same five.
    const api = await orgWith('CAPAPI');
    expect((await imports.importTable(api.importer, 'beneficiaries', table(near))).applied).toBe(true);
    const ids = new Map((await t.db.kysely.selectFrom('beneficiary').select(['id', 'code']).where('organisation_id', '=', api.o.organisationId).execute()).map((r) => [r.code, r.id]));
    const res = await api.o.admin.post('/beneficiaries', { code: person, orgUnitId: api.section, registeredOn: '2024-01-01', populations: ['PS'], sex: 'F', birthYear: 1985, distinctFrom: [ids.get('FAXX1985F')] });
    expect(res.status).toBe(201);
    expect(await pairsOf(api.o.organisationId, person)).toEqual(closest);
    const decided = await t.db.kysely.selectFrom('beneficiary_pair').select(['a_id', 'b_id']).where('organisation_id', '=', api.o.organisationId).where('status', '=', 'distinct').execute();
    expect(decided.flatMap((d) => [d.a_id, d.b_id]).sort()).toEqual([ids.get('FAXX1985F'), (res.body as { id: string }).id].sort());
  });
});
