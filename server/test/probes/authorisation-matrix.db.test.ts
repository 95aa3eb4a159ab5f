/**
 * The authorisation matrix (issue 18, item 6; ADR 0030): every operation of the OpenAPI document,
 * requested by a user of every role, aimed at her own unit, another unit of her organisation,
 * another organisation and, as a user holding another program only, at her own unit. The
 * expected decisions are data, `docs/roles-matrix.json` (read by people: docs/roles.md says how);
 * an operation without an entry fails, so does an entry whose operation is gone.
 *
 * `RELAIS_MATRIX_RECORD=1` writes what was observed into the file instead of comparing: review
 * the diff (each changed letter is a decision that changed) before committing it.
 * `RELAIS_MATRIX_ONLY=<regular expression>` probes only the operations whose `METHOD /path` matches (a new
 * endpoint's line, recorded without probing the rest).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants, type Permission } from '@relais/core';
import { Client, createTestApp, engine, PASSWORD, type TestApp } from '../harness.ts';
import { actors, buildWorld, missingThings, scopes, type Actor, type Scope, type World } from './world.ts';
import { requestOf, send, type ProbeRequest } from './requests.ts';

const matrixFile = path.resolve(import.meta.dirname, '../../../docs/roles-matrix.json');
type Matrix = { operations: Record<string, Record<Scope, string>> } & Record<string, unknown>;

/** The letter of a response: what the user saw of the decision. */
export function decisionOf(status: number): string {
  if (status >= 500) return 'E';
  if (status === 401) return 'U';
  if (status === 403) return 'F';
  if (status === 404) return 'H';
  if (status >= 400) return 'R';
  return 'A';
}

/** Operations that end the session they run in: each probe logs in again first. */
const endsSession = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/password']);
/**
 * Where a user holding another program only sees a gbv case's or story's id, by design: a referral
 * names the case it was made from (`caseId`, no case data), and a round of her unit lists its
 * candidate stories with the anonymised text approved for sharing, their own texts unsealed only
 * for a reader of each story (rounds.service.ts `present`). (The subject access export is no
 * longer one: only an administrator holding every program exports or erases, ADR 0026.) Each
 * entry exempts one operation, in the program scope only.
 */
const knownProgramFindings = new Set(['GET /api/v1/referrals', 'GET /api/v1/referrals/{id}', 'GET /api/v1/change-rounds/{id}', 'PUT /api/v1/change-rounds/{id}/selection']);
const usernames = (actor: Actor, scope: Scope) => (actor === 'root_admin' ? 'admin' : `${scope === 'program' ? 'prog' : 'all'}.${actor}`);

describe(`authorisation matrix: every operation × role × scope (${engine})`, () => {
  let t: TestApp;
  let w: World;
  const matrix = JSON.parse(fs.readFileSync(matrixFile, 'utf8')) as Matrix;
  const recording = process.env.RELAIS_MATRIX_RECORD === '1';

  beforeAll(async () => {
    t = await createTestApp();
    const started = Date.now();
    w = await buildWorld(t);
    console.log(`world built in ${Date.now() - started} ms${missingThings.length ? `; could not make: ${missingThings.join(', ')}` : ''}`);
  }, 600_000);
  afterAll(() => t.close());

  it('has an entry for every operation of the OpenAPI document, and none for an operation that is gone', () => {
    const operations = Object.entries(w.doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    if (recording) return;
    expect(operations.filter((o) => !matrix.operations[o]), 'operations without an entry in docs/roles-matrix.json').toEqual([]);
    expect(Object.keys(matrix.operations).filter((o) => !operations.includes(o)), 'entries of docs/roles-matrix.json for no operation').toEqual([]);
  });

  it('answers each role in each scope as the matrix says, never 5xx, and never shows another organisation’s people', async () => {
    const operations = Object.entries(w.doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const only = process.env.RELAIS_MATRIX_ONLY;
    if (only) operations.splice(0, operations.length, ...operations.filter((o) => new RegExp(only).test(o)));
    // Reads first: the writes' probes change things (a case closed, a consent withdrawn).
    operations.sort((a, b) => Number(!a.startsWith('GET ')) - Number(!b.startsWith('GET ')));
    const probing = Date.now();
    let sent = 0;
    const observed: Matrix['operations'] = {};
    const mismatches: string[] = [];
    const leaks: string[] = [];
    const otherOrgSecrets = w.places.org.secrets;
    const otherUnitSecrets = w.places.unit.secrets;
    const programSecrets = [String(w.places.own.refs.caseId), String(w.places.own.refs.storyId)];
    /** One scope of one operation: its letters ('.' where the own scope's letter holds), each actor after the other. */
    const probeScope = async (key: string, scope: Scope, permission: Permission | undefined): Promise<string> => {
      const place = w.places[scope === 'program' ? 'own' : scope];
      let letters = '';
      for (const actor of actors) {
        // The gate refuses a role without the operation's permission before it looks at anything:
        // asked once, in the own scope. A request naming nothing of the place is the own scope's.
        const gated = permission !== undefined && !roleGrants(actor === 'root_admin' ? 'administrator' : actor, permission);
        if (scope !== 'own' && gated) {
          letters += '.';
          continue;
        }
        const request: ProbeRequest = await requestOf(w.doc, key, place, w.places.own);
        if ((scope === 'unit' || scope === 'org') && !request.aimed) {
          letters += '.';
          continue;
        }
        let client = (scope === 'program' ? w.programUsers : w.users)[actor];
        if (endsSession.has(key)) client = await new Client(t.app).login(w.a.code, usernames(actor, scope), PASSWORD);
        const res = await send(client, request);
        sent++;
        const letter = decisionOf(res.status);
        letters += letter;
        const who = `${key} ${scope} ${actor}`;
        if (letter === 'E') mismatches.push(`${who}: ${res.status} ${res.text.slice(0, 300)}`);
        if (otherOrgSecrets.some((s) => res.text.includes(s))) leaks.push(`${who}: another organisation's person in the answer`);
        if (actor !== 'root_admin' && otherUnitSecrets.some((s) => res.text.includes(s))) leaks.push(`${who}: another unit's person in the answer`);
        if (scope === 'program' && actor !== 'root_admin' && !knownProgramFindings.has(key) && programSecrets.some((s) => res.text.includes(s))) leaks.push(`${who}: another program's case or story in the answer`);
      }
      return letters;
    };
    for (const key of operations) {
      const [method, p] = key.split(' ') as [string, string];
      const permission = w.doc.paths[p]![method.toLowerCase()]!['x-permission'] as Permission | undefined;
      // The own unit, another unit and another organisation touch different things: probed side by
      // side (each scope's users one after the other, so a write's effect on the next is the same
      // every run); the other program's users touch the own unit's things, after.
      const [own, unit, org] = await Promise.all((['own', 'unit', 'org'] as const).map((scope) => probeScope(key, scope, permission)));
      const program = await probeScope(key, 'program', permission);
      const fill = (letters: string) => [...letters].map((l, i) => (l === '.' ? own![i] : l)).join('');
      observed[key] = { own: own!, unit: fill(unit!), org: fill(org!), program: fill(program) };
      for (const scope of scopes) {
        const expected = matrix.operations[key]?.[scope];
        if (!recording && expected !== undefined && expected !== observed[key][scope]) {
          mismatches.push(`${key} ${scope}: expected ${expected}, got ${observed[key][scope]} (${actors.join(' ')})`);
        }
      }
    }
    console.log(`${sent} requests in ${Date.now() - probing} ms`);
    if (recording) {
      const all = Object.keys(w.doc.paths).flatMap((p) => Object.keys(w.doc.paths[p]!).map((m) => `${m.toUpperCase()} ${p}`));
      const sorted = Object.fromEntries(all.map((k) => [k, observed[k] ?? matrix.operations[k]!]).filter(([, v]) => v));
      fs.writeFileSync(matrixFile, `${JSON.stringify({ ...matrix, operations: sorted }, null, 1).replace(/\{\n\s+"own": ("\w+"),\n\s+"unit": ("\w+"),\n\s+"org": ("\w+"),\n\s+"program": ("\w+")\n\s+\}/g, '{ "own": $1, "unit": $2, "org": $3, "program": $4 }')}\n`);
    }
    expect(leaks).toEqual([]);
    expect(mismatches).toEqual([]);
  }, 600_000);
});
