import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp } from '../../../test/harness.ts';
import { recordContact, registerBeneficiary, type ServiceInput } from '../../../test/factories.ts';

/** YYYY-MM-DD, `months` before this month, on `day`. */
function monthDay(months: number, day: number): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  d.setUTCDate(day);
  return d.toISOString().slice(0, 10);
}

type Verification = {
  workers: { worker: { displayName: string }; counts: Record<string, number>; contacts: number; persons: number }[];
  flags: { kind: string; serviceIds: string[]; beneficiary: { code: string } | null; date: string | null }[];
};

// Verification of the month four months ago: old enough to have three months of history before it.
describe(`monthly data verification (${engine})`, () => {
  let t: TestApp;
  let section: string;
  let ep: Client;
  let coord: Client;
  const month = monthDay(4, 1).slice(0, 7);
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const org = await createOrg(t, 'VER');
    section = await createUnit(org.admin, org.rootUnitId, 'SEC');
    ep = (await createUserClient(t, org.admin, 'VER', 'ep.one', 'peer_educator', section)).client;
    coord = (await createUserClient(t, org.admin, 'VER', 'coord', 'coordinator', section)).client;
    const person = async (code: string) => (await registerBeneficiary(ep, { code, orgUnitId: section, registeredOn: monthDay(8, 1), populations: ['PS'], sex: 'F' })).id;
    const contact = async (key: string, beneficiaryId: string, date: string, services: ServiceInput[]) => {
      ids[key] = (await recordContact(ep, { beneficiaryId, date, orgUnitId: section, program: 'prev_ps', services })).services.map((s) => s.id);
    };
    const full = (q = 10): ServiceInput[] => [{ service: 'outreach_contact', modality: 'in_person' }, { service: 'condoms', quantity: q }, { service: 'iec_session' }];
    const a = await person('AAAA1990F');
    const b = await person('BBBB1991F');
    const c = await person('CCCC1992F');
    // The worker's usual: 10 condoms a contact over the three months before.
    for (const m of [7, 6, 5]) await contact(`usual${m}`, a, monthDay(m, 10), full(10));
    // This month:
    await contact('complete', a, monthDay(4, 2), full(10));
    await contact('unusual', b, monthDay(4, 3), full(200));
    await contact('incomplete', c, monthDay(4, 4), [{ service: 'outreach_contact', modality: 'in_person' }]);
    await contact('twiceA', a, monthDay(4, 5), full(10));
    await contact('twiceB', a, monthDay(4, 5), [{ service: 'iec_session' }, { service: 'outreach_contact', modality: 'phone' }, { service: 'condoms', quantity: 12 }]);
    await contact('positive', b, monthDay(4, 6), [{ service: 'hiv_test', result: 'positive', strategy: 'mobile' }]);
    await contact('linkedPositive', c, monthDay(4, 7), [{ service: 'hiv_test', result: 'positive', strategy: 'fixed' }]);
    await recordContact(ep, { beneficiaryId: c, date: monthDay(4, 12), orgUnitId: section, program: 'prev_ps', services: [{ service: 'medical_support', kind: 'accompaniment' }] });
    // Every record was entered on its day, but one was typed 120 days late from a paper form.
    await sql`update service_event set created_at = service_date::timestamptz`.execute(t.db.kysely);
    await sql`update service_event set created_at = service_date::timestamptz + interval '120 days' where id = ${ids.complete![0]!}`.execute(t.db.kysely);
  });
  afterAll(() => t.close());

  it('counts services, contacts and persons per worker', async () => {
    const res = await coord.get<Verification>(`/verification?orgUnitId=${section}&month=${month}`);
    expect(res.status).toBe(200);
    const w = res.body.workers.find((x) => x.worker.displayName === 'User ep.one')!;
    expect(w.counts).toMatchObject({ outreach_contact: 5, condoms: 4, iec_session: 4, hiv_test: 2, medical_support: 1 });
    expect(w.contacts).toBe(8);
    expect(w.persons).toBe(3);
  });

  it('flags each kind of anomaly and points at its records', async () => {
    const res = await coord.get<Verification>(`/verification?orgUnitId=${section}&month=${month}`);
    const of = (kind: string) => res.body.flags.filter((f) => f.kind === kind);
    expect(of('missing_paquet_minimum').map((f) => f.beneficiary?.code)).toEqual(['CCCC1992F']);
    expect(of('missing_paquet_minimum')[0]!.serviceIds).toEqual(ids.incomplete);
    expect(of('same_person_same_day')).toHaveLength(1);
    expect(of('same_person_same_day')[0]!.serviceIds.sort()).toEqual([...ids.twiceA!, ...ids.twiceB!].sort());
    expect(of('unusual_quantity').map((f) => f.serviceIds)).toEqual([[ids.unusual![1]]]);
    expect(of('positive_without_medical_support').map((f) => f.beneficiary?.code)).toEqual(['BBBB1991F']);
    expect(of('date_far_from_entry').map((f) => f.serviceIds[0])).toEqual(expect.arrayContaining([ids.complete![0]]));
    expect(of('date_far_from_entry').every((f) => ids.complete!.includes(f.serviceIds[0]!))).toBe(true);
  });

  it('is for coordinators, on their units', async () => {
    expect((await ep.get(`/verification?orgUnitId=${section}&month=${month}`)).status).toBe(403);
    expect((await coord.get(`/verification?orgUnitId=${section}&month=2024-13`)).status).toBe(400);
  });
});
