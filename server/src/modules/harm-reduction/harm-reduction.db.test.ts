import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnonymousTally, ApiErrorBody, OstDay, OstDispensing, OstEpisode, ReportRow, StockOnHand } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp } from '../../../test/harness.ts';
import { recordContact, registerBeneficiary } from '../../../test/factories.ts';

/**
 * Harm reduction (issue 17, ADR 0029) on a hand-built dataset; the answers are written here.
 * Units: section TNG and its mobile unit MOB (a site). March 2025, the exchange:
 * - person A at MOB on 03-03: kits ×10, syringes returned ×6, a shower; person B at TNG on 03-05: kits ×5;
 * - an anonymous tally at MOB on 03-10: kits 4 people / 20 kits, returned 3 people / 18 syringes, 2 showers;
 * - an anonymous tally at TNG on 03-12: returned 1 person / 1 syringe.
 * Kits 35 (MOB 30, no site 5), returned 25 (MOB 24, no site 1): ratio 0.7143 (MOB 0.8, no site 0.2).
 * OST (2025): P1 enters 01-06 at 40 mg, 60 mg from 02-01, interrupted 03-01, re-enters 04-01 at 50 mg;
 * P2 enters 01-20 at 80 mg; P3 enters 06-10 at 30 mg, excluded 06-20. In February P1 takes her dose
 * on site on the 3rd, takes away 3 days on the 4th, misses the 7th; P2 takes hers on the 3rd.
 */
describe(`harm reduction: exchange with anonymous tallies, OST register and indicators (${engine})`, () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let tng: string;
  let mob: string;
  let pe: Client;
  let nurse: Client;
  const ep: Record<string, OstEpisode> = {};
  const person: Record<string, string> = {};

  const report = async (period: string, indicators: string[], by: string[] = []) => {
    const res = await org.admin.post<{ rows: ReportRow[] } & ApiErrorBody>('/reports/query', { program: 'harm_reduction', period, indicators, by });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (indicator: string, cell: Record<string, string> = {}) =>
      res.body.rows.find((r) => r.indicator === indicator && by.every((d) => r[d] === (cell[d] ?? '*')))?.value;
  };
  const tally = async (client: Client, body: Record<string, unknown>, status = 201) => {
    const res = await client.post<AnonymousTally & ApiErrorBody>('/anonymous-services', body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const enter = async (code: string, startDate: string, doseMg: number, status = 201) => {
    const res = await nurse.post<OstEpisode & ApiErrorBody>('/ost/episodes', { beneficiaryId: person[code], orgUnitId: tng, startDate, prescriber: 'Dr Generated', doseMg });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const dispense = async (episodeId: string, date: string, kind: string, days = 1) => {
    const res = await nurse.post<OstDispensing & ApiErrorBody>('/ost/dispensings', { episodeId, date, kind, days });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const onHand = async (unit: string, item: string) => (await org.admin.get<StockOnHand>('/stock/on-hand')).body.rows.find((r) => r.orgUnitId === unit && r.item === item)?.onHand ?? 0;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'AHSUD');
    tng = await createUnit(org.admin, org.rootUnitId, 'TNG');
    mob = await createUnit(org.admin, tng, 'MOB', 'site');
    ({ client: pe } = await createUserClient(t, org.admin, 'AHSUD', 'pair.tng', 'peer_educator', tng));
    ({ client: nurse } = await createUserClient(t, org.admin, 'AHSUD', 'inf.tng', 'clinician', tng));
    for (const code of ['A', 'B', 'P1', 'P2', 'P3']) person[code] = (await registerBeneficiary(pe, { orgUnitId: tng })).id;
    const contact = { orgUnitId: tng, program: 'harm_reduction' as const };
    await recordContact(pe, { ...contact, beneficiaryId: person.A!, siteId: mob, date: '2025-03-03', services: [{ service: 'syringe_kits', quantity: 10 }, { service: 'syringes_returned', quantity: 6 }, { service: 'shower' }] });
    await recordContact(pe, { ...contact, beneficiaryId: person.B!, date: '2025-03-05', services: [{ service: 'syringe_kits', quantity: 5 }] });
    await tally(pe, { orgUnitId: tng, siteId: mob, date: '2025-03-10', lines: [{ service: 'syringe_kits', count: 4, quantity: 20 }, { service: 'syringes_returned', count: 3, quantity: 18 }, { service: 'shower', count: 2 }] });
    await tally(pe, { orgUnitId: tng, date: '2025-03-12', lines: [{ service: 'syringes_returned', count: 1, quantity: 1 }] });

    ep.p1 = await enter('P1', '2025-01-06', 40);
    expect((await nurse.post<OstEpisode>(`/ost/episodes/${ep.p1.id}/doses`, { fromDate: '2025-02-01', doseMg: 60 })).status).toBe(200);
    expect((await nurse.post<OstEpisode>(`/ost/episodes/${ep.p1.id}/end`, { endDate: '2025-03-01', reason: 'interrupted' })).status).toBe(200);
    ep.p1b = await enter('P1', '2025-04-01', 50);
    ep.p2 = await enter('P2', '2025-01-20', 80);
    ep.p3 = await enter('P3', '2025-06-10', 30);
    expect((await nurse.post<OstEpisode>(`/ost/episodes/${ep.p3.id}/end`, { endDate: '2025-06-20', reason: 'excluded' })).status).toBe(200);
    await dispense(ep.p1.id, '2025-02-03', 'on_site');
    await dispense(ep.p1.id, '2025-02-04', 'take_away', 3);
    await dispense(ep.p1.id, '2025-02-07', 'missed');
    await dispense(ep.p2.id, '2025-02-03', 'on_site');
  }, 300_000);
  afterAll(() => t.close());

  it('counts kits and returns with the anonymous tallies, per site, and the return ratio; persons only when identified', async () => {
    const value = await report('2025-03', ['exchange_kits_given', 'exchange_syringes_returned', 'syringe_return_ratio', 'anonymous_contacts', 'low_threshold_services', 'syringes_distributed', 'beneficiaries_served'], ['site']);
    expect(value('exchange_kits_given')).toBe(35);
    expect(value('exchange_syringes_returned')).toBe(25);
    expect(value('syringe_return_ratio')).toBe(0.7143);
    expect(value('syringe_return_ratio', { site: 'MOB' })).toBe(0.8);
    expect(value('syringe_return_ratio', { site: '' })).toBe(0.2);
    expect(value('anonymous_contacts')).toBe(5); // MOB's tally: at least 4 people; TNG's: 1
    expect(value('low_threshold_services')).toBe(3); // A's shower and 2 anonymous
    expect(value('syringes_distributed')).toBe(15); // identified services only
    expect(value('beneficiaries_served')).toBe(2); // A and B: a tally has no person
  });

  it('takes the anonymous kits from the site’s stock and gives them back when the line is deleted; refuses a bad line with the field', async () => {
    expect(await onHand(mob, 'injection_kits')).toBe(-30);
    const extra = await tally(pe, { orgUnitId: tng, siteId: mob, date: '2025-03-11', lines: [{ service: 'syringe_kits', count: 1, quantity: 7 }, { service: 'naloxone', count: 1, quantity: 2 }] });
    expect(await onHand(mob, 'injection_kits')).toBe(-37);
    expect(await onHand(mob, 'naloxone')).toBe(-2);
    expect((await pe.delete(`/anonymous-services/${extra.items[0]!.id}`)).status).toBe(200);
    expect((await pe.delete(`/anonymous-services/${extra.items[1]!.id}`)).status).toBe(200);
    expect(await onHand(mob, 'injection_kits')).toBe(-30);
    expect(await onHand(mob, 'naloxone')).toBe(0);
    const bad = await tally(pe, { orgUnitId: tng, date: '2025-03-11', lines: [{ service: 'syringe_kits', count: 2 }] }, 400);
    expect(bad.error.fields?.map((f) => f.field)).toEqual(['lines.0.quantity']);
    const listed = await pe.get<{ items: unknown[] }>(`/anonymous-services?orgUnitId=${tng}&date=2025-03-10`);
    expect(listed.body.items).toHaveLength(3);
  });

  it('counts persons on OST, first entries and re-entries, retention at 6 and 12 months (a re-entered person is retained)', async () => {
    const value = await report('2025-S1', ['ost_persons', 'ost_new', 'ost_reentries', 'ost_cohort_6m', 'ost_retained_6m', 'ost_retention_6m', 'ost_retention_12m']);
    expect(value('ost_persons')).toBe(3);
    expect(value('ost_new')).toBe(3);
    expect(value('ost_reentries')).toBe(1);
    expect(value('ost_cohort_6m')).toBe(3);
    expect(value('ost_retained_6m')).toBe(2); // P1 back on 07-06, P2 on; P3 excluded
    expect(value('ost_retention_6m')).toBe(0.6667);
    expect(value('ost_retention_12m')).toBe(0.6667);
    const april = await report('2025-04', ['ost_persons', 'ost_new', 'ost_reentries']);
    expect([april('ost_persons'), april('ost_new'), april('ost_reentries')]).toEqual([2, 0, 1]);
  });

  it('gives the mean dose after a change and the missed-dose rate from the days no dose covered', async () => {
    const value = await report('2025-02', ['ost_mean_dose', 'ost_days_expected', 'ost_days_missed', 'ost_missed_dose_rate']);
    expect(value('ost_mean_dose')).toBe(70); // P1 at 60 mg (changed on 02-01), P2 at 80 mg, every day
    expect(value('ost_days_expected')).toBe(56);
    expect(value('ost_days_missed')).toBe(51); // 56 less the 3rd (×2) and the 4th to 6th taken away
    expect(value('ost_missed_dose_rate')).toBe(0.9107);
    const mar = await report('2025-03', ['ost_persons']);
    expect(mar('ost_persons')).toBe(1); // P1 interrupted on 03-01
  });

  it('lists the day’s patients with their dose, records each dose as an ost_dose service taking methadone from the stock, undoes a tap', async () => {
    const day = (await nurse.get<OstDay>(`/ost/day?orgUnitId=${tng}&date=2025-02-05`)).body;
    const p1 = day.items.find((i) => i.episodeId === ep.p1!.id)!;
    const p2 = day.items.find((i) => i.episodeId === ep.p2!.id)!;
    expect([day.items.length, p1.doseMg, p1.coveredUntil, p2.doseMg, p2.today]).toEqual([2, 60, '2025-02-06', 80, null]);
    expect(await onHand(tng, 'methadone_mg')).toBe(-(60 + 3 * 60 + 80));
    const doses = await report('2025-02', ['services_delivered'], ['service']);
    expect(doses('services_delivered', { service: 'ost_dose' })).toBe(3);
    const tap = await dispense(ep.p2!.id, '2025-02-10', 'on_site');
    expect(tap.doseMg).toBe(80);
    expect(await onHand(tng, 'methadone_mg')).toBe(-400);
    expect((await nurse.delete(`/ost/dispensings/${tap.id}`)).status).toBe(200);
    expect(await onHand(tng, 'methadone_mg')).toBe(-320);
  });

  it('refuses a second open episode, a re-entry before the last end, a dose after the end', async () => {
    expect((await enter('P2', '2025-03-01', 60, 409)).error.code).toBe('ost_already_on');
    expect((await enter('P3', '2025-06-15', 60, 400)).error.fields?.[0]?.field).toBe('startDate');
    const late = await nurse.post<ApiErrorBody>(`/ost/episodes/${ep.p3!.id}/doses`, { fromDate: '2025-07-01', doseMg: 40 });
    expect([late.status, late.body.error.code]).toEqual([409, 'ost_episode_ended']);
    const history = (await nurse.get<{ items: OstEpisode[] }>(`/ost/episodes?beneficiaryId=${person.P1}`)).body.items;
    expect(history.map((e) => [e.startDate, e.endReason, e.isReentry, e.doses.map((d) => d.doseMg)])).toEqual([
      ['2025-01-06', 'interrupted', false, [40, 60]],
      ['2025-04-01', null, true, [50]],
    ]);
  });
  it('counts a re-entry on the day of the interruption as a re-entry, not a second first entry', async () => {
    person.P4 = (await registerBeneficiary(pe, { orgUnitId: tng })).id;
    const first = await enter('P4', '2025-08-04', 40);
    expect((await nurse.post<OstEpisode>(`/ost/episodes/${first.id}/end`, { endDate: '2025-08-04', reason: 'interrupted' })).status).toBe(200);
    expect((await enter('P4', '2025-08-04', 45)).isReentry).toBe(true);
    const history = (await nurse.get<{ items: OstEpisode[] }>(`/ost/episodes?beneficiaryId=${person.P4}`)).body.items;
    expect(history.map((e) => [e.endReason, e.isReentry, e.doses.map((d) => d.doseMg)])).toEqual([['interrupted', false, [40]], [null, true, [45]]]);
    const aug = await report('2025-08', ['ost_persons', 'ost_new', 'ost_reentries']);
    expect([aug('ost_persons'), aug('ost_new'), aug('ost_reentries')]).toEqual([3, 1, 1]); // P1, P2 and P4
  });
});
