import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ApiErrorBody, AuditEvent, Beneficiary, CodeCheckResult } from '@relais/core';
import { Client, createOrg, createTestApp, createUnit, createUserClient, engine, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { personLinks } from './person-links.ts';

const today = new Date().toISOString().slice(0, 10);

describe(`beneficiary registry (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let sectionA: string;
  let sectionB: string;
  let epA: Client;
  let swA: Client;
  let coordA: Client;
  let epB: Client;

  const register = (client: Client, code: string, orgUnitId: string, extra: Record<string, unknown> = {}) =>
    client.post<Beneficiary & ApiErrorBody>('/beneficiaries', { code, orgUnitId, registeredOn: today, populations: ['PS'], sex: 'F', ...extra });
  const check = (client: Client, code: string) => client.get<CodeCheckResult>(`/beneficiaries/check?code=${encodeURIComponent(code)}`);

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'REG');
    other = await createOrg(t, 'ELSE');
    sectionA = await createUnit(org.admin, org.rootUnitId, 'SEC-A');
    sectionB = await createUnit(org.admin, org.rootUnitId, 'SEC-B');
    epA = (await createUserClient(t, org.admin, 'REG', 'ep.a', 'peer_educator', sectionA)).client;
    swA = (await createUserClient(t, org.admin, 'REG', 'sw.a', 'social_worker', sectionA)).client;
    coordA = (await createUserClient(t, org.admin, 'REG', 'coord.a', 'coordinator', sectionA)).client;
    epB = (await createUserClient(t, org.admin, 'REG', 'ep.b', 'peer_educator', sectionB)).client;
  });
  afterAll(() => t.close());

  it('registers a person by her code and finds her again by the exact code', async () => {
    const res = await register(epA, ' famo 1985 f ', sectionA, { populations: ['PS', 'PVVIH'], birthYear: 1985, entryDoor: 'outreach', profile: { maritalStatus: 'single_mother' } });
    expect(res.status).toBe(201);
    expect(res.body.code).toBe('FAMO1985F');
    expect(res.body.registeredUnit.code).toBe('SEC-A');
    expect(res.body.profile.maritalStatus).toBe('single_mother');
    const c = await check(epA, 'famo1985f');
    expect(c.body.exact).toEqual({ id: res.body.id, code: 'FAMO1985F', viaAlias: false });
    const again = await register(epA, 'FAMO1985F', sectionA);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('beneficiary_exists');
    expect(again.body.error.params).toEqual({ id: res.body.id });
  });

  it('finds and explains each kind of near-duplicate', async () => {
    const cases: Array<[string, string]> = [
      ['FEMO1985F', 'identique à FAMO1985F sauf une variante d’orthographe (arabe/latin) du prénom de la mère'],
      ['FRMO1985F', 'identique à FAMO1985F sauf une lettre du prénom de la mère'],
      ['AFMO1985F', 'identique à FAMO1985F mais deux lettres du prénom de la mère inversées'],
      ['MOFA1985F', 'identique à FAMO1985F mais les parties du père et de la mère inversées'],
      ['FAMO1986F', 'identique à FAMO1985F mais l’année de naissance diffère d’un an'],
      ['FAMO1958F', 'identique à FAMO1985F mais deux chiffres de l’année inversés'],
      ['FAMO1985T', 'identique à FAMO1985F sauf la lettre du sexe'],
      ['XXMO1985F', 'identique à FAMO1985F mais la partie « prénom de la mère » est inconnue d’un côté'],
      ['FAMO9999F', 'identique à FAMO1985F mais la partie « année de naissance » est inconnue d’un côté'],
    ];
    for (const [typed, explanation] of cases) {
      const res = await check(epA, typed);
      expect(res.status).toBe(200);
      expect(res.body.exact).toBeNull();
      const top = res.body.probable[0];
      expect(top, typed).toBeDefined();
      expect(top!.code).toBe('FAMO1985F');
      expect(top!.inScope).toBe(true);
      expect(top!.explanation).toBe(explanation);
    }
    const en = new Client(t.app, 'en');
    Object.assign(en, { cookie: epA.cookie, csrf: epA.csrf });
    expect((await check(en, 'FRMO1985F')).body.probable[0]!.explanation).toBe("same as FAMO1985F except one letter of the mother's first name");
    expect((await check(epA, 'ZOZO1970M')).body.probable).toEqual([]);
  });

  it('remembers "not the same person" and queues undecided pairs for coordinators', async () => {
    const famo = (await check(epA, 'FAMO1985F')).body.exact!.id;
    const distinct = await register(epA, 'FEMO1985F', sectionA, { distinctFrom: [famo] });
    expect(distinct.status).toBe(201);
    const undecided = await register(epA, 'FRMO1985F', sectionA);
    expect(undecided.status).toBe(201);
    const queue = await coordA.get<{ items: { a: { code: string }; b: { code: string }; explanation: string }[] }>('/duplicates');
    const pairs = queue.body.items.map((p) => [p.a.code, p.b.code].sort().join('+'));
    expect(pairs).toContain('FAMO1985F+FRMO1985F');
    expect(pairs).not.toContain('FAMO1985F+FEMO1985F');
    // Checking FEMO's own code no longer proposes FAMO.
    const again = await check(epA, 'FEMO1985F');
    expect(again.body.probable.map((p) => p.code)).not.toContain('FAMO1985F');
    // A coordinator decides the other pair too.
    expect((await coordA.post('/duplicates/distinct', { a: famo, b: undecided.body.id })).status).toBe(200);
    const after = await coordA.get<{ items: { a: { code: string }; b: { code: string } }[] }>('/duplicates');
    expect(after.body.items.map((p) => [p.a.code, p.b.code].sort().join('+'))).not.toContain('FAMO1985F+FRMO1985F');
    // Peer educators do not review duplicates.
    expect((await epA.get('/duplicates')).status).toBe(403);
  });

  it('keeps section A’s person data from section B, warns B that the code exists, and lets B serve her', async () => {
    const famo = (await check(epA, 'FAMO1985F')).body.exact!.id;
    const c = await check(epB, 'FAMO1985F');
    expect(c.body.exact).toBeNull();
    expect(c.body.existsElsewhere).toBe(true);
    const near = await check(epB, 'FAMO1986F');
    expect(near.body.probable[0]).toMatchObject({ code: 'FAMO1985F', inScope: false });
    expect(near.body.probable[0]!.id).toBeUndefined();
    expect((await epB.get(`/beneficiaries/${famo}`)).status).toBe(404);
    expect((await epB.patch(`/beneficiaries/${famo}`, { notes: 'x' })).status).toBe(404);
    const list = await epB.get<{ items: { code: string }[] }>('/beneficiaries?code=FA&match=prefix');
    expect(list.body.items).toEqual([]);
    const dup = await register(epB, 'FAMO1985F', sectionB);
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('beneficiary_exists_elsewhere');
    expect(dup.body.error.message).toBe("Ce code existe déjà dans l'organisation, dans une autre section : vous pouvez servir cette personne sans la réenregistrer.");
    // B takes her on: one person, now known in both sections; B sees only its own unit.
    const claimed = await epB.post<Beneficiary>('/beneficiaries/claim', { code: 'FAMO1985F', orgUnitId: sectionB });
    expect(claimed.status).toBe(200);
    expect(claimed.body.id).toBe(famo);
    expect(claimed.body.units.map((u) => u.code)).toEqual(['SEC-B']);
    expect((await epB.get(`/beneficiaries/${famo}`)).status).toBe(200);
    expect((await epA.get<Beneficiary>(`/beneficiaries/${famo}`)).body.units.map((u) => u.code)).toEqual(['SEC-A']);
    const count = await t.db.kysely.selectFrom('beneficiary').select(sql<number>`count(*)::int`.as('n')).where('code', '=', 'FAMO1985F').executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('never shows anything to another organisation', async () => {
    const c = await check(other.admin, 'FAMO1985F');
    expect(c.body).toMatchObject({ exact: null, existsElsewhere: false, probable: [] });
    expect((await register(other.admin, 'FAMO1985F', other.rootUnitId)).status).toBe(201); // her own, different person
  });

  it('encrypts the phone at rest and shows it only to roles allowed to contact', async () => {
    const res = await register(swA, 'NAHA1990F', sectionA, { phone: '+212 600 000 001', contactConsent: true, notes: 'Préfère être appelée le soir.' });
    expect(res.status).toBe(201);
    expect(res.body.phone).toBe('+212 600 000 001');
    const raw = await sql<{ phone: string; hex: string }>`select encode(phone_encrypted, 'escape') as phone, encode(phone_encrypted, 'hex') as hex from beneficiary where code = 'NAHA1990F'`.execute(t.db.kysely);
    // The whole number: three digits alone can appear in the escaped ciphertext's octal escapes (\3600).
    expect(raw.rows[0]!.phone).not.toContain('600 000 001');
    expect(raw.rows[0]!.hex).not.toContain(Buffer.from('600 000 001').toString('hex'));
    const asEp = await epA.get<Beneficiary>(`/beneficiaries/${res.body.id}`);
    expect(asEp.body.phone).toBeNull();
    expect(asEp.body.hasPhone).toBe(true);
    expect(asEp.body.notes).toBeNull();
    const asSw = await swA.get<Beneficiary>(`/beneficiaries/${res.body.id}`);
    expect(asSw.body.phone).toBe('+212 600 000 001');
    expect(asSw.body.notes).toBe('Préfère être appelée le soir.');
    const audit = await org.admin.get<{ items: AuditEvent[] }>(`/audit?entityId=${res.body.id}&action=beneficiary.read`);
    expect(audit.body.items).toHaveLength(2);
    expect(audit.body.items.map((e) => e.details.phoneShown ?? false).sort()).toEqual([false, true]);
  });

  it('refuses a sex or a birth year the code contradicts, on registration and on update, naming the field', async () => {
    const sex = await register(epA, 'KAZI1990F', sectionA, { sex: 'M' });
    expect(sex.status).toBe(400);
    expect(sex.body.error.fields).toEqual([expect.objectContaining({ field: 'sex', code: 'code_mismatch', params: { value: 'F' } })]);
    expect(sex.body.error.fields![0]!.message).toBe('Sexe : ne correspond pas au code unique, qui porte « F » ; corrigez l’un ou l’autre.');
    const year = await register(epA, 'KAZI1990F', sectionA, { birthYear: 1991 });
    expect(year.body.error.fields).toEqual([expect.objectContaining({ field: 'birthYear', code: 'code_mismatch', params: { value: '1990' } })]);
    // T does not say the sex; an unknown year (9999) says no year.
    expect((await register(epA, 'KAZI1990T', sectionA, { sex: 'X', birthYear: 1990 })).status).toBe(201);
    expect((await register(epA, 'KAZI9999F', sectionA, { birthYear: 1992 })).status).toBe(201);
    const ok = await register(epA, 'KAZI1990F', sectionA, { birthYear: 1990 });
    expect(ok.status).toBe(201);
    const patched = await epA.patch<ApiErrorBody>(`/beneficiaries/${ok.body.id}`, { birthYear: 1989 });
    expect(patched.status).toBe(400);
    expect(patched.body.error.fields).toEqual([expect.objectContaining({ field: 'birthYear', code: 'code_mismatch' })]);
    expect((await epA.patch(`/beneficiaries/${ok.body.id}`, { notes: 'suivie' })).status).toBe(200);
  });

  it('changes only the fields an update names, even those the editor cannot see', async () => {
    const res = await register(swA, 'LOLO1988F', sectionA, { entryDoor: 'remote', phone: '+212 622 222 222', contactConsent: true, notes: 'Note privée.', profile: { housing: 'tenant', schooling: 'primary' } });
    // A peer educator sees neither phone nor notes; her change of housing must not erase them.
    const patched = await epA.patch<Beneficiary>(`/beneficiaries/${res.body.id}`, { profile: { housing: 'with_family' } });
    expect(patched.status).toBe(200);
    const seen = await swA.get<Beneficiary>(`/beneficiaries/${res.body.id}`);
    expect(seen.body).toMatchObject({ entryDoor: 'remote', phone: '+212 622 222 222', contactConsent: true, notes: 'Note privée.' });
    expect(seen.body.profile).toMatchObject({ housing: 'with_family', schooling: 'primary' });
    const cleared = await swA.patch<Beneficiary>(`/beneficiaries/${res.body.id}`, { phone: null });
    expect(cleared.body.hasPhone).toBe(false);
  });

  it('rejects bad codes and bad records with a clear error naming the part, writing nothing', async () => {
    const before = await t.db.kysely.selectFrom('beneficiary').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const bad = await register(epA, 'FAMO19A5F', sectionA);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields![0]).toMatchObject({ field: 'code', code: 'invalid_code' });
    expect(bad.body.error.fields![0]!.message).toBe('Code : la partie « année de naissance » (caractères 5 à 8) doit être en chiffres : « 19A5 » (ex. 1985).');
    const short = await check(epA, 'FAMO198');
    expect(short.body.problems[0]!.message).toBe('le code doit avoir 9 caractères (il en a 7), ex. FAMO1985F.');
    // Arabic letters in the code: it is written in Latin letters, and the builder gives them.
    const arabic = await check(epA, 'فاطمة');
    expect(arabic.body.problems).toEqual([
      expect.objectContaining({
        code: 'latin_script',
        example: 'FAMO1985F',
        message: 'le code unique s’écrit en lettres latines (A à Z) et en chiffres, ex. FAMO1985F. Pour des prénoms écrits en arabe, « Construire le code » donne les lettres.',
      }),
    ]);
    const arabicCode = await register(epA, 'فامو1985F', sectionA);
    expect(arabicCode.status).toBe(400);
    expect(arabicCode.body.error.fields![0]).toMatchObject({ field: 'code', code: 'invalid_code', params: { problem: 'latin_script' } });
    expect(arabicCode.body.error.fields![0]!.message).toMatch(/^Code : le code unique s’écrit en lettres latines/);
    const future = await register(epA, 'SASA1999F', sectionA, { registeredOn: '2999-01-01' });
    expect(future.body.error.fields![0]).toMatchObject({ field: 'registeredOn', code: 'future_date', message: "Date d'enregistrement : la date ne peut pas être dans le futur." });
    const population = await register(epA, 'SASA1999F', sectionA, { populations: ['ALIENS'] });
    expect(population.body.error.fields![0]).toMatchObject({ field: 'populations.0', code: 'invalid_choice' });
    const elsewhere = await register(epA, 'SASA1999F', sectionB);
    expect(elsewhere.body.error.fields![0]).toMatchObject({ field: 'orgUnitId', code: 'invalid_choice' });
    const after = await t.db.kysely.selectFrom('beneficiary').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('merges B into A moving every linked row, keeps B’s code as an alias, and undoes it exactly', async () => {
    // A stand-in for the services table of the capture issue, registered like it will be.
    await sql`create table test_service (organisation_id uuid not null, id uuid not null, beneficiary_id uuid not null, primary key (organisation_id, id))`.execute(t.db.kysely);
    personLinks.push({ table: 'test_service', personColumn: 'beneficiary_id' });
    try {
      const a = await register(epA, 'KHAB1992F', sectionA);
      const b = await register(epB, 'KHAB1993F', sectionB);
      await epA.post('/beneficiaries/claim', { code: 'KHAB1993F', orgUnitId: sectionA }); // both now in A's scope
      const services = { [a.body.id]: ['0b1e0000-0000-4000-8000-000000000001'], [b.body.id]: ['0b1e0000-0000-4000-8000-000000000002', '0b1e0000-0000-4000-8000-000000000003'] };
      for (const [person, ids] of Object.entries(services)) {
        for (const id of ids) await sql`insert into test_service values (${org.organisationId}, ${id}, ${person})`.execute(t.db.kysely);
      }
      const merged = await coordA.post<{ mergeId: string; kept: Beneficiary }>('/merges', { keepId: a.body.id, mergeId: b.body.id });
      expect(merged.status).toBe(200);
      expect(merged.body.kept.aliases).toEqual(['KHAB1993F']);
      const rows = await sql<{ beneficiary_id: string }>`select beneficiary_id from test_service order by id`.execute(t.db.kysely);
      expect(rows.rows.map((r) => r.beneficiary_id)).toEqual([a.body.id, a.body.id, a.body.id]);
      // Typing the merged code opens the kept record.
      expect((await check(epA, 'KHAB1993F')).body.exact).toEqual({ id: a.body.id, code: 'KHAB1992F', viaAlias: true });
      // Section B, where only the merged record was known, now reaches the kept one.
      expect((await epB.get(`/beneficiaries/${a.body.id}`)).status).toBe(200);
      const undo = await coordA.post<Beneficiary>(`/merges/${merged.body.mergeId}/undo`);
      expect(undo.status).toBe(200);
      expect(undo.body.aliases).toEqual([]);
      const back = await sql<{ id: string; beneficiary_id: string }>`select id, beneficiary_id from test_service order by id`.execute(t.db.kysely);
      expect(back.rows.map((r) => r.beneficiary_id)).toEqual([a.body.id, b.body.id, b.body.id]);
      expect((await epB.get(`/beneficiaries/${a.body.id}`)).status).toBe(404);
      expect((await check(epA, 'KHAB1993F')).body.exact).toEqual({ id: b.body.id, code: 'KHAB1993F', viaAlias: false });
      const again = await coordA.post<ApiErrorBody>(`/merges/${merged.body.mergeId}/undo`);
      expect(again.body.error.code).toBe('merge_already_undone');
      const audit = await org.admin.get<{ items: AuditEvent[] }>(`/audit?entityId=${a.body.id}`);
      expect(audit.body.items.map((e) => e.action)).toEqual(expect.arrayContaining(['beneficiary.merge', 'beneficiary.unmerge']));
    } finally {
      personLinks.splice(personLinks.findIndex((l) => l.table === 'test_service'), 1);
    }
  });

  it('searches by code, population and last seen, and offers the built-in working list', async () => {
    const prefix = await epA.get<{ items: { code: string }[]; total: number }>('/beneficiaries?code=fa&match=prefix');
    expect(prefix.body.items.map((b) => b.code)).toEqual(['FAMO1985F']);
    const fuzzy = await epA.get<{ items: { code: string }[] }>('/beneficiaries?code=FAMO1958F&match=fuzzy');
    expect(fuzzy.body.items[0]!.code).toBe('FAMO1985F');
    const pvvih = await epA.get<{ items: { code: string }[] }>('/beneficiaries?population=pvvih');
    expect(pvvih.body.items.map((b) => b.code)).toEqual(['FAMO1985F']);
    await t.db.kysely.updateTable('beneficiary').set({ last_seen_on: '2020-01-01' }).where('code', '=', 'NAHA1990F').execute();
    const lists = await epA.get<{ items: { id: string; name: string; filters: { notSeenForDays?: number } }[] }>('/saved-lists');
    const stale = lists.body.items.find((l) => l.filters.notSeenForDays === 90)!;
    expect(stale.name).toBe('Pas vu·e·s depuis 3 mois');
    const notSeen = await epA.get<{ items: { code: string }[] }>(`/beneficiaries?notSeenForDays=${stale.filters.notSeenForDays}`);
    expect(notSeen.body.items.map((b) => b.code)).toEqual(['NAHA1990F']);
    const saved = await epA.post<{ id: string }>('/saved-lists', { name: 'Mes PVVIH', filters: { population: 'PVVIH' } });
    expect(saved.status).toBe(200);
    expect((await epB.get<{ items: { name: string }[] }>('/saved-lists')).body.items.map((l) => l.name)).not.toContain('Mes PVVIH');
    expect((await epA.delete(`/saved-lists/${saved.body.id}`)).status).toBe(200);
  });
});
