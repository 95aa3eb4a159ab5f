import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Beneficiary } from '@relais/core';
import { createAppWithSection, createTestApp, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../test/harness.ts';
import { RequestAbandonedError, forRequest, inBackground } from './priority.ts';

// A month-end morning: reports and rebuilds run while field workers save contacts. On the
// embedded engine (one connection) the contact's queries go before the queued background ones.
describe(`field work before background work (${engine})`, () => {
  let t: TestApp;
  let ep: Client;
  let section: string;
  let person: Beneficiary;

  beforeAll(async () => {
    let org: TestOrg;
    ({ t, org, section } = await createAppWithSection('PRIO'));
    ep = (await createUserClient(t, org.admin, 'PRIO', 'ep.prio', 'peer_educator', section)).client;
    person = (await ep.post<Beneficiary>('/beneficiaries', { code: 'FAMO1985F', orgUnitId: section, registeredOn: '2025-01-01', populations: ['PS'], sex: 'F' })).body;
  });
  afterAll(() => t.close());

  it('saves a contact while long background queries run, before most of them', async () => {
    // Three long pieces of background work (like reports over many years), 4 statements of 300 ms each.
    let finished = 0;
    const background = Promise.all(
      [1, 2, 3].map(() =>
        inBackground(async () => {
          for (let k = 0; k < 4; k++) {
            await sql`select pg_sleep(0.3)`.execute(t.db.kysely);
            finished++;
          }
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 50));
    const saved = await ep.post('/contacts', { beneficiaryId: person.id, date: '2025-06-01', orgUnitId: section, program: 'prev_ps', services: [{ service: 'iec_session' }] });
    const finishedWhenSaved = finished;
    await background;
    expect(saved.status).toBe(201);
    // First come, first served, the contact's queries would each wait behind the three queued
    // statements: it would be saved after about 9 of the 12. Field first, it waits for at most
    // the running statement each time.
    expect(finishedWhenSaved).toBeLessThanOrEqual(6);
  });
});

describe(`requests given up by their client (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('never take the embedded connection once their client went away', async () => {
    const busy = sql`select pg_sleep(0.3)`.execute(t.db.kysely);
    await new Promise((r) => setTimeout(r, 50));
    let gone = false;
    const waiting = forRequest('field', () => gone, () => sql<{ ran: number }>`select 1 as ran`.execute(t.db.kysely));
    gone = true; // the phone timed out while the query waited
    await busy;
    if (engine === 'embedded') await expect(waiting).rejects.toBeInstanceOf(RequestAbandonedError);
    else expect((await waiting).rows[0]!.ran).toBe(1); // a server's pool has a free connection: nothing waited
    // Requests whose client is there are served as before.
    expect((await forRequest('field', () => false, () => sql<{ ran: number }>`select 1 as ran`.execute(t.db.kysely))).rows[0]!.ran).toBe(1);
  });
});
