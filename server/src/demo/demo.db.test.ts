import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ReportRow, SetupChecklist } from '@relais/core';
import { Client, createTestApp, engine, type TestApp } from '../../test/harness.ts';
import { createDemoOrganisation, DemoDirError, demoMarker, prepareDemoDir, type DemoUser } from './demo.ts';

describe(`relais demo (${engine})`, () => {
  let t: TestApp;
  let users: DemoUser[];
  let services: number;
  let partner: { code: string; user: DemoUser };

  beforeAll(async () => {
    t = await createTestApp();
    ({ users, services, partner } = await createDemoOrganisation(t.db.kysely, { persons: 300, servicesPerPerson: 4, today: '2026-11-30' }));
  });
  afterAll(() => t.close());

  const logIn = (username: string) => new Client(t.app).login('DEMO', username, users.find((u) => u.username === username)!.password);

  it('creates sections and sites, and a user of each role who logs in with the printed password', async () => {
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(['administrator', 'coordinator', 'peer_educator', 'social_worker', 'clinician', 'me_officer', 'partner', 'viewer']));
    for (const u of users) expect((await logIn(u.username)).me!.user.username).toBe(u.username);
    const levels = await sql<{ level: string; n: number }>`select level, count(*)::int as n from org_unit where organisation_id = (select id from organisation where code = 'DEMO') group by level order by level`.execute(t.db.kysely);
    expect(levels.rows).toEqual([
      { level: 'country', n: 1 },
      { level: 'section', n: 4 },
      { level: 'site', n: 9 },
    ]);
    // The first steps are done: the administrator lands on a living organisation.
    const admin = await logIn('admin');
    expect((await admin.get<SetupChecklist>('/setup/checklist')).body).toMatchObject({ orgUnits: true, users: true });
  });

  it('registers persons with codes of the default scheme, each peer educator seeing her section’s', async () => {
    const codes = await sql<{ code: string }>`select code from beneficiary where organisation_id = (select id from organisation where code = 'DEMO')`.execute(t.db.kysely);
    expect(codes.rows).toHaveLength(300);
    expect(new Set(codes.rows.map((r) => r.code)).size).toBe(300);
    for (const { code } of codes.rows) expect(code).toMatch(/^[A-Z]{4}(19[7-9]\d|200[0-5])[FMT]$/);
    const all = (await (await logIn('coordination')).get<{ total: number }>('/beneficiaries?limit=1')).body.total;
    const casa = (await (await logIn('ep.casa')).get<{ total: number }>('/beneficiaries?limit=1')).body.total;
    expect(all).toBe(300);
    expect(casa).toBe(75); // one section in four
  });

  it('spreads a year of services up to the given day, and the reports count them', async () => {
    const span = await sql<{ n: number; first: string; last: string }>`
      select count(*)::int as n, min(service_date)::text as first, max(service_date)::text as last from service_event`.execute(t.db.kysely);
    expect(span.rows[0]).toEqual({ n: services, first: '2025-12-01', last: '2026-11-30' });
    const res = await (await logIn('suivi')).post<{ rows: ReportRow[] }>('/reports/query', { program: 'prev_ps', period: '2026', indicators: ['reached'], by: [], grain: 'year', filters: {} });
    expect(res.status).toBe(200);
    expect(Number(res.body.rows.find((r) => r.indicator === 'reached')?.value)).toBeGreaterThan(0);
  });

  it('draws an awareness cascade at Rabat: trainings, the sessions they produced, disclosures some of them in the circuit', async () => {
    const me = await logIn('coordination');
    const trainings = await me.get<{ items: Array<{ theme: string; sessions: number; sensitised: number }>; total: number }>('/trainings');
    expect(trainings.body.total).toBe(2);
    expect(trainings.body.items.every((x) => x.sessions > 0 && x.sensitised > 0)).toBe(true);
    const res = await me.post<{ rows: ReportRow[] }>('/reports/query', { program: 'child_protection', period: '2026', indicators: ['people_trained', 'persons_sensitised', 'disclosures', 'disclosures_in_circuit_7d'], by: [], grain: 'year', filters: {} });
    expect(res.status).toBe(200);
    const value = (code: string) => Number(res.body.rows.find((r) => r.indicator === code)?.value);
    expect(value('people_trained')).toBeGreaterThan(0);
    expect(value('persons_sensitised')).toBeGreaterThan(value('people_trained'));
    expect(value('disclosures_in_circuit_7d')).toBeGreaterThan(0);
    expect(value('disclosures_in_circuit_7d')).toBeLessThan(value('disclosures'));
  });

  it('draws referrals both ways with a partner organisation, in every state, with the persons’ feedback', async () => {
    const me = await logIn('coordination');
    const out = await me.get<{ items: Array<{ status: string; unanswered: boolean; toOrganisation: { code: string } | null }>; total: number }>('/referrals?box=outgoing&limit=200');
    expect(out.body.total).toBe(11);
    expect(new Set(out.body.items.map((r) => r.status))).toEqual(new Set(['sent', 'accepted', 'declined', 'delivered', 'not_delivered', 'closed']));
    expect(out.body.items.some((r) => r.unanswered)).toBe(true);
    const inbox = await me.get<{ items: Array<{ from: { code: string }; person: { code?: string } }> }>('/referrals?box=incoming');
    expect(inbox.body.items).toHaveLength(3);
    expect(inbox.body.items.every((r) => r.from.code === 'RESEAU' && r.person.code !== undefined)).toBe(true);
    const reseau = await new Client(t.app).login(partner.code, partner.user.username, partner.user.password);
    expect((await reseau.get<{ total: number }>('/referrals?box=outgoing')).body.total).toBe(3); // the three it sent to DEMO
    const res = await me.post<{ rows: ReportRow[] }>('/reports/query', { program: 'prev_ps', period: '2026', indicators: ['referrals_sent', 'referrals_delivered', 'referral_satisfaction_rate'], by: [], grain: 'year', filters: {} });
    const value = (code: string) => Number(res.body.rows.find((r) => r.indicator === code)?.value);
    expect(value('referrals_sent')).toBeGreaterThan(value('referrals_delivered'));
    expect(value('referral_satisfaction_rate')).toBeGreaterThan(0);
  });

  it('empties only a demo folder, and refuses one holding anything else', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-demo-'));
    const demo = path.join(root, 'data-demo');
    prepareDemoDir(demo);
    fs.writeFileSync(path.join(demo, 'old'), 'x');
    prepareDemoDir(demo);
    expect(fs.readdirSync(demo)).toEqual([demoMarker]);
    const real = path.join(root, 'data');
    fs.mkdirSync(real);
    fs.writeFileSync(path.join(real, 'PG_VERSION'), '17');
    expect(() => prepareDemoDir(real)).toThrow(DemoDirError);
    expect(fs.readFileSync(path.join(real, 'PG_VERSION'), 'utf8')).toBe('17');
  });
});
