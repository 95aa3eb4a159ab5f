import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { closingBalance, monthBounds, type ApiErrorBody, type StockItem, type StockMovementResult, type StockOnHand, type StockReport } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { recordContact, recordContacts, registerBeneficiary } from '../../../test/factories.ts';

/** `YYYY-MM` of the month `k` months before this one. */
const ym = (k: number) => monthBounds(new Date().toISOString().slice(0, 7), k).from.slice(0, 7);
const on = (k: number, day: number) => `${ym(k)}-${String(day).padStart(2, '0')}`;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Commodities stock (issue 17) on a hand-built dataset, in the three whole months before this one
 * (M1 = 3 months ago, M2, M3 = last month); the answers are written here.
 * Units: section TNG, its mobile unit MOB (a site), section FIX.
 * - M1-02 receipt at TNG: 1000 condoms (national programme, lot L1, expiring in 45 days).
 * - M1-05 transfer TNG → MOB: 400 condoms.
 * - M1-10 contact at TNG, site MOB: condoms ×10 and an HIV test → MOB −10 condoms, −1 test kit (negative).
 * - M2-03 contact at MOB through the sync push: condoms ×30, corrected to ×25 → MOB −25.
 * - M2-15 loss at MOB: 20 condoms (damaged). M2-20 adjustment at TNG: +5 condoms (correction).
 * - M2-12 receipt at FIX: 100 injection kits (donor, lot K2, expiring in 200 days).
 * - M3-05 contact at TNG, no site: condoms ×50 → TNG −50.
 * - M3-10 contact at MOB: condoms ×7, then deleted → given back.
 * - M3-28 count at MOB: 330 condoms counted (the ledger held 345: −15).
 * Expected: TNG condoms 555, MOB condoms 330, MOB HIV test kits −1, FIX injection kits 100.
 */
describe(`commodities stock: ledger, distributions from services, on hand, monthly report (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let tng: string;
  let mob: string;
  let fix: string;
  let coord: Client;
  let pe: Client;
  let peFix: Client;
  let correctedId: string;

  const move = async (client: Client, body: Record<string, unknown>, status = 201) => {
    const res = await client.post<StockMovementResult & ApiErrorBody>('/stock/movements', body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const onHand = async (client: Client, query = '') => {
    const res = await client.get<StockOnHand>(`/stock/on-hand${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const balance = (s: StockOnHand, unit: string, item: string) => s.rows.find((r) => r.orgUnitId === unit && r.item === item);
  const report = async (k: number) => {
    const res = await org.admin.get<StockReport>(`/stock/report?month=${ym(k)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'AHSUD');
    tng = await createUnit(org.admin, org.rootUnitId, 'TNG');
    mob = await createUnit(org.admin, tng, 'MOB', 'site');
    fix = await createUnit(org.admin, org.rootUnitId, 'FIX');
    ({ client: coord } = await createUserClient(t, org.admin, 'AHSUD', 'coord.tng', 'coordinator', tng));
    ({ client: pe } = await createUserClient(t, org.admin, 'AHSUD', 'pair.tng', 'peer_educator', tng));
    ({ client: peFix } = await createUserClient(t, org.admin, 'AHSUD', 'pair.fix', 'peer_educator', fix));
    const person = (await registerBeneficiary(pe, { orgUnitId: tng })).id;
    const contact = { beneficiaryId: person, orgUnitId: tng, program: 'harm_reduction' as const };

    await move(coord, { kind: 'receipt', orgUnitId: tng, item: 'condoms', quantity: 1000, date: on(3, 2), source: 'national_programme', lot: 'L1', expiresOn: inDays(45) });
    await move(coord, { kind: 'transfer', orgUnitId: tng, toOrgUnitId: mob, item: 'condoms', quantity: 400, date: on(3, 5) });
    await recordContact(pe, { ...contact, siteId: mob, date: on(3, 10), services: [{ service: 'condoms', quantity: 10 }, { service: 'hiv_test', result: 'negative', strategy: 'mobile' }] });
    const [synced] = await recordContacts(pe, [{ ...contact, siteId: mob, date: on(2, 3), services: [{ service: 'condoms', quantity: 30 }] }]);
    correctedId = synced!.serviceIds[0]!;
    await move(coord, { kind: 'loss', orgUnitId: mob, item: 'condoms', quantity: 20, date: on(2, 15), reason: 'damaged' });
    await move(coord, { kind: 'adjustment', orgUnitId: tng, item: 'condoms', quantity: 5, date: on(2, 20), reason: 'correction' });
    await move(org.admin, { kind: 'receipt', orgUnitId: fix, item: 'injection_kits', quantity: 100, date: on(2, 12), source: 'donor', lot: 'K2', expiresOn: inDays(200) });
    await recordContact(pe, { ...contact, date: on(1, 5), services: [{ service: 'condoms', quantity: 50 }] });
  });
  afterAll(() => t.close());

  it('takes what a service hands out from its site’s stock, gives it back on correction and deletion, and never refuses a service for want of stock', async () => {
    const before = await onHand(coord);
    expect(balance(before, mob, 'condoms')!.onHand).toBe(400 - 10 - 30 - 20);
    // Nothing was received of test kits at MOB: the HIV test was recorded all the same, the balance is shown negative.
    expect(balance(before, mob, 'hiv_test_kits')).toMatchObject({ onHand: -1, isNegative: true, isBelowThreshold: true });

    expect((await pe.patch(`/services/${correctedId}`, { quantity: 25 })).status).toBe(200);
    const deleted = await recordContact(pe, { beneficiaryId: (await registerBeneficiary(pe, { orgUnitId: tng })).id, orgUnitId: tng, siteId: mob, program: 'harm_reduction', date: on(1, 10), services: [{ service: 'condoms', quantity: 7 }] });
    expect(balance(await onHand(coord), mob, 'condoms')!.onHand).toBe(345 - 7);
    expect((await pe.delete(`/services/${deleted.services[0]!.id}`)).status).toBe(200);
    expect(balance(await onHand(coord), mob, 'condoms')!.onHand).toBe(345);

    const ledger = await coord.get<{ items: Array<{ kind: string; quantity: number; serviceId: string | null }> }>(`/stock/movements?orgUnitId=${mob}&item=condoms`);
    expect(ledger.body.items.filter((l) => l.kind === 'distribution').map((l) => l.quantity).sort()).toEqual([-10, -25]);
    expect(ledger.body.items.find((l) => l.serviceId === correctedId)?.quantity).toBe(-25);
  });

  it('records every kind of movement: a count sets the balance and records the difference; a transfer is two lines; a retried save is applied once', async () => {
    const count = await move(coord, { id: 'a1b2c3d4-0000-4000-8000-000000000001', kind: 'count', orgUnitId: mob, item: 'condoms', counted: 330, date: on(1, 28) });
    expect(count.lines).toMatchObject([{ kind: 'count', counted: 330, quantity: -15 }]);
    await move(coord, { id: 'a1b2c3d4-0000-4000-8000-000000000001', kind: 'count', orgUnitId: mob, item: 'condoms', counted: 330, date: on(1, 28) }, 200);
    const s = await onHand(coord);
    expect(balance(s, mob, 'condoms')!.onHand).toBe(330);
    expect(balance(s, tng, 'condoms')!.onHand).toBe(1000 - 400 + 5 - 50);

    const all = (await org.admin.get<{ items: Array<{ kind: string; quantity: number; transferId: string | null; source: string | null; reason: string | null }> }>('/stock/movements?limit=200')).body.items;
    expect(new Set(all.map((l) => l.kind))).toEqual(new Set(['receipt', 'transfer_out', 'transfer_in', 'distribution', 'loss', 'adjustment', 'count']));
    const transfer = all.filter((l) => l.transferId);
    expect(transfer.map((l) => [l.kind, l.quantity]).sort()).toEqual([['transfer_in', 400], ['transfer_out', -400]]);
    expect(all.find((l) => l.kind === 'loss')).toMatchObject({ quantity: -20, reason: 'damaged' });
    expect(all.filter((l) => l.kind === 'receipt').map((l) => l.source).sort()).toEqual(['donor', 'national_programme']);
  });

  it('gives months of stock at the recent rate, stock-out and expiry alerts', async () => {
    const s = await onHand(coord);
    // MOB distributed 10 + 25 in the last three months: 330 ÷ (35 ÷ 3) = 28.3 months.
    expect(balance(s, mob, 'condoms')).toMatchObject({ onHand: 330, distributedRecently: 35, monthsOfStock: 28.3, isBelowThreshold: false, isNegative: false });
    expect(balance(s, tng, 'condoms')).toMatchObject({ onHand: 555, distributedRecently: 50, monthsOfStock: 33.3 });
    expect(s.expiring.map((e) => [e.orgUnitId, e.item, e.lot])).toEqual([[tng, 'condoms', 'L1']]);
    expect((await onHand(org.admin, '?expiryDays=365')).expiring.map((e) => e.lot).sort()).toEqual(['K2', 'L1']);

    const threshold = await org.admin.put<StockItem>('/stock/items/condoms', { labels: { fr: 'Préservatifs', ar: 'العوازل الذكرية', en: 'Condoms' }, unit: 'piece', lowThreshold: 400 });
    expect(threshold.status, JSON.stringify(threshold.body)).toBe(200);
    expect(balance(await onHand(coord), mob, 'condoms')!.isBelowThreshold).toBe(true);
    expect(balance(await onHand(coord), tng, 'condoms')!.isBelowThreshold).toBe(false);
  });

  it('the monthly report: opening + received ± transfers − distributed ± losses and adjustments = closing, each month opening where the last closed', async () => {
    const months = [await report(3), await report(2), await report(1)];
    const row = (r: StockReport, unit: string, item: string) => r.rows.find((x) => x.orgUnitId === unit && x.item === item);
    expect(row(months[0]!, mob, 'condoms')).toMatchObject({ opening: 0, received: 0, transferred: 400, distributed: 10, lossesAdjustments: 0, closing: 390 });
    expect(row(months[1]!, mob, 'condoms')).toMatchObject({ opening: 390, distributed: 25, lossesAdjustments: -20, closing: 345 });
    expect(row(months[2]!, mob, 'condoms')).toMatchObject({ opening: 345, distributed: 0, lossesAdjustments: -15, closing: 330, monthsOfStock: 28.3 });
    expect(row(months[0]!, tng, 'condoms')).toMatchObject({ opening: 0, received: 1000, transferred: -400, closing: 600 });
    expect(row(months[2]!, tng, 'condoms')).toMatchObject({ opening: 605, distributed: 50, closing: 555, monthsOfStock: 33.3 });
    expect(row(months[2]!, mob, 'hiv_test_kits')).toMatchObject({ opening: -1, closing: -1 });
    expect(row(months[0]!, fix, 'injection_kits')).toBeUndefined();
    expect(row(months[1]!, fix, 'injection_kits')).toMatchObject({ opening: 0, received: 100, closing: 100, monthsOfStock: null });
    for (const [i, m] of months.entries()) {
      for (const r of m.rows) {
        expect(closingBalance(r), `${m.month} ${r.orgUnitCode} ${r.item}`).toBe(r.closing);
        if (i > 0) expect(r.opening, `${m.month} ${r.orgUnitCode} ${r.item}`).toBe(row(months[i - 1]!, r.orgUnitId, r.item)?.closing ?? 0);
      }
    }
    // The last month closes on the stock on hand.
    const s = await onHand(org.admin);
    for (const r of months[2]!.rows) expect(r.closing).toBe(balance(s, r.orgUnitId, r.item)!.onHand);
  });

  it('the monthly report as XLSX in the logistics form, in the caller’s language', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/stock/report.xlsx?month=${ym(1)}&orgUnitId=${mob}`, headers: { cookie: org.admin.cookie!, 'accept-language': 'fr' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`stock-${ym(1)}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([undefined, 'Unité', 'Article', 'Stock initial', 'Reçu', 'Transferts (entrées − sorties)', 'Distribué', 'Pertes et ajustements', 'Stock final', 'Mois de stock']);
    const rows = [4, 5].map((n) => sheet.getRow(n).values as unknown[]);
    expect(rows).toContainEqual([undefined, 'Unit MOB', 'Préservatifs (pièce)', 345, 0, 0, 0, -15, 330, 28.3]);
    expect(rows).toContainEqual([undefined, 'Unit MOB', 'Tests VIH (test)', -1, 0, 0, 0, 0, -1, 0]);
  });

  it('refuses what is not said right, and moves only where one manages stock', async () => {
    const noSource = await move(coord, { kind: 'receipt', orgUnitId: tng, item: 'condoms', quantity: 5, date: on(1, 2) }, 400);
    expect(noSource.error.fields).toEqual([expect.objectContaining({ field: 'source', code: 'required' })]);
    const same = await move(coord, { kind: 'transfer', orgUnitId: tng, toOrgUnitId: tng, item: 'condoms', quantity: 5, date: on(1, 2) }, 400);
    expect(same.error.fields?.[0]).toMatchObject({ field: 'toOrgUnitId', code: 'same_unit' });
    expect(same.error.fields?.[0]?.message).toContain('Unité destinataire');
    const unknown = await move(coord, { kind: 'loss', orgUnitId: tng, item: 'caviar', quantity: 5, date: on(1, 2), reason: 'lost' }, 400);
    expect(unknown.error.fields?.[0]).toMatchObject({ field: 'item', code: 'unknown_reference' });
    // The coordinator of TNG manages TNG and its mobile unit, not FIX; a peer educator moves nothing.
    expect((await move(coord, { kind: 'loss', orgUnitId: fix, item: 'condoms', quantity: 1, date: on(1, 2), reason: 'lost' }, 400)).error.fields?.[0]).toMatchObject({ field: 'orgUnitId', code: 'invalid_choice' });
    await move(pe, { kind: 'loss', orgUnitId: tng, item: 'condoms', quantity: 1, date: on(1, 2), reason: 'lost' }, 403);
    expect((await coord.put('/stock/items/condoms', { labels: { fr: 'a', ar: 'b', en: 'c' }, unit: 'piece' })).status).toBe(403);
  });

  it('keeps the recent rate exact through a batch of several months, back-dated lines, corrections, deletions and a line dated ahead', async () => {
    // What the balance keeps (ADR 0045) must say what the monthly sums say, for every unit and item.
    const fromMonths = async () => {
      const rows = await sql<{ org_unit_id: string; item_code: string; d: number }>`
        select org_unit_id, item_code, coalesce(sum(distributed) filter (where month >= ${`${ym(3)}-01`}::date and month < ${`${ym(0)}-01`}::date), 0)::int as d
        from stock_month where organisation_id = ${org.organisationId} group by 1, 2`.execute(t.db.kysely);
      return new Map(rows.rows.map((r) => [`${r.org_unit_id}|${r.item_code}`, r.d]));
    };
    const agrees = async (expectedMobCondoms: number) => {
      const [s, sums] = [await onHand(org.admin), await fromMonths()];
      expect(s.rows.length).toBeGreaterThan(0);
      for (const r of s.rows) expect(r.distributedRecently, `${r.orgUnitCode} ${r.item}`).toBe(sums.get(`${r.orgUnitId}|${r.item}`) ?? 0);
      expect(balance(s, mob, 'condoms')!.distributedRecently).toBe(expectedMobCondoms);
    };
    await agrees(35);
    const person = (await registerBeneficiary(pe, { orgUnitId: tng })).id;
    const contact = { beneficiaryId: person, orgUnitId: tng, siteId: mob, program: 'harm_reduction' as const };
    // One push, four months: this month (not yet recent), last month, 2 months ago, and 6 months ago (too old to count).
    const batch = await recordContacts(pe, [
      { ...contact, date: on(0, 1), services: [{ service: 'condoms', quantity: 3 }] },
      { ...contact, date: on(1, 2), services: [{ service: 'condoms', quantity: 4 }] },
      { ...contact, date: on(2, 2), services: [{ service: 'condoms', quantity: 6 }, { service: 'syringe_kits', quantity: 2 }] },
      { ...contact, date: on(6, 2), services: [{ service: 'condoms', quantity: 100 }] },
    ]);
    await agrees(35 + 4 + 6);
    // A correction moves a line to another quantity; a deletion gives it back.
    expect((await pe.patch(`/services/${batch[2]!.serviceIds[0]!}`, { quantity: 1 })).status).toBe(200);
    await agrees(35 + 4 + 1);
    expect((await pe.delete(`/services/${batch[1]!.serviceIds[0]!}`)).status).toBe(200);
    await agrees(35 + 1);
    // A back-dated contact two months ago, after this month's.
    await recordContact(pe, { ...contact, date: on(2, 20), services: [{ service: 'condoms', quantity: 9 }] });
    await agrees(35 + 1 + 9);
    // A line dated next month (written directly: the API refuses dates ahead) is summed from the months, as before.
    const ahead = '5f0c2a8e-0000-4000-8000-00000000a0e1';
    await sql`insert into stock_movement (organisation_id, id, org_unit_id, item_code, kind, quantity, movement_date, created_by)
      values (${org.organisationId}, ${ahead}, ${mob}, 'condoms', 'distribution', -8, ${`${ym(-1)}-15`}::date, ${org.adminId})`.execute(t.db.kysely);
    await agrees(35 + 1 + 9);
    await sql`delete from stock_movement where id = ${ahead}`.execute(t.db.kysely);
    await agrees(35 + 1 + 9);
  });

  it('is read within one’s units: a worker sees hers, another organisation nothing', async () => {
    const fixView = await onHand(peFix);
    expect(fixView.rows.map((r) => [r.orgUnitId, r.item])).toEqual([[fix, 'injection_kits']]);
    expect(fixView.expiring).toEqual([]);
    expect((await peFix.get<StockReport>(`/stock/report?month=${ym(1)}`)).body.rows.map((r) => r.orgUnitId)).toEqual([fix]);
    expect((await peFix.get<{ total: number }>('/stock/movements')).body.total).toBe(1);
    expect((await peFix.get(`/stock/on-hand?orgUnitId=${tng}`)).status).toBe(400);

    const other = await createOrg(t, 'AUTRE');
    expect((await onHand(other.admin)).rows).toEqual([]);
    expect((await other.admin.get<{ total: number }>('/stock/movements')).body.total).toBe(0);
    expect((await other.admin.get(`/stock/report?month=${ym(1)}&orgUnitId=${mob}`)).status).toBe(400);
    expect((await move(other.admin, { kind: 'receipt', orgUnitId: mob, item: 'condoms', quantity: 5, date: on(1, 2), source: 'donor' }, 400)).error.fields?.[0]?.field).toBe('orgUnitId');
    const items = (await other.admin.get<{ items: StockItem[] }>('/stock/items')).body.items;
    expect(items.map((i) => i.code)).toEqual(['condoms', 'lubricant', 'injection_kits', 'syringes', 'hiv_test_kits', 'naloxone', 'methadone_mg']);
    expect(items.find((i) => i.code === 'condoms')?.lowThreshold).toBeNull();
  });
});
