import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildCode, compareCodes, defaultCodeScheme, neighbourCodes } from '@relais/core';
import { createOrg, createTestApp, engine, type TestApp, type TestOrg } from '../../../test/harness.ts';
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
  const queued = async () => {
    const rows = await sql<{ a: string; b: string; score: number; reasons: unknown }>`
      select least(x.code, y.code) as a, greatest(x.code, y.code) as b, p.score, p.reasons
      from beneficiary_pair p join beneficiary x on x.organisation_id = p.organisation_id and x.id = p.a_id join beneficiary y on y.organisation_id = p.organisation_id and y.id = p.b_id
      where p.organisation_id = ${org.organisationId} and p.status = 'open'`.execute(t.db.kysely);
    return rows.rows.map((r) => `${r.a} ${r.b} ${Math.round(r.score * 100)} ${JSON.stringify(r.reasons)}`).sort();
  };

  /** What the former per-row check queued after writing the file: each new code's neighbours looked up among the active records. */
  const oneByOne = async (fresh: string[]) => {
    const active = new Set(
      (await t.db.kysely.selectFrom('beneficiary').select('code').where('organisation_id', '=', org.organisationId).where('merged_into', 'is', null).execute()).map((r) => r.code),
    );
    const out: string[] = [];
    for (const p of fresh) {
      for (const n of neighbourCodes(defaultCodeScheme, p)) {
        const match = active.has(n) ? compareCodes(defaultCodeScheme, p, n) : null;
        if (match) out.push(`${p < n ? p : n} ${p < n ? n : p} ${Math.round(match.score * 100)} ${JSON.stringify(match.reasons)}`);
      }
    }
    return out;
  };

  it('queues the same pairs as the per-row check, within the file and against the registry, walking the registry or looking neighbours up', async () => {
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
    expect(await queued()).toEqual([...new Set(expectedBig)].sort());
    expect(expectedBig.filter((p) => p.startsWith('FAKH1990F') || p.includes(' FAKH1990F '))).toEqual([]);
    const plantedPairs = expectedBig.filter((p) => p.includes('FAMO1985F'));
    expect(plantedPairs.length).toBeGreaterThanOrEqual(planted.length - 1); // against the registry
    expect(expectedBig.some((p) => p.startsWith('FAMO1986F FEMO1986F') || p.startsWith('FEMO1985F FEMO1986F'))).toBe(true); // within the file

    // A few new codes: their neighbours are looked up by the code index.
    await sql`delete from beneficiary_pair where organisation_id = ${org.organisationId}`.execute(t.db.kysely);
    expect(await imports.importTable(importer, 'beneficiaries', table(small))).toMatchObject({ applied: true, created: small.length });
    const expectedSmall = await oneByOne(small);
    expect(expectedSmall.length).toBeGreaterThan(20);
    expect(await queued()).toEqual([...new Set(expectedSmall)].sort());
  });
});
