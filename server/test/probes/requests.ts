/**
 * One request per OpenAPI operation, aimed at a place: its path parameters are the place's things
 * (`/cases/{id}` → the place's case), its query and body sampled from the schema with the place's
 * refs (`orgUnitId` → the place's unit). Operations that use up what they touch (a deletion, a
 * merge, logging out) get a fresh thing for each request (`fresh`).
 */
import { randomUUID } from 'node:crypto';
import { defaultStockItems } from '@relais/core';
import type { Client } from '../harness.ts';
import { registerBeneficiary } from '../factories.ts';
import { sampleOf, type Refs } from './sample.ts';
import { bodyOf, insertionProbeStep, type OpenApiDoc, type Place } from './world.ts';

let requestCount = 0;

/** `GET /api/v1/cases/{id}` → the ref its `{id}` takes. */
function pathRef(path: string, param: string): string {
  const p = path.replace('/api/v1', '');
  if (param === 'actionId') return 'action';
  if (param === 'appointmentId') return 'appointment';
  if (param === 'assignmentId') return 'assignment';
  if (param === 'traineeId') return 'traineeId';
  if (param === 'number') return '#1';
  if (param === 'service') return 'serviceDefinition';
  if (param === 'resource') return '#services';
  if (p.startsWith('/referrals/{id}/') && /accept|decline|deliver|not-delivered|link/.test(p)) return 'inbound';
  const table: Array<[RegExp, string]> = [
    [/^\/users\//, 'user'],
    [/^\/org-units\//, 'orgUnitId'],
    // A program no probed thing is in: a probe may disable it or change its catalogue.
    [/^\/programs\/|^\/catalogue\/programs\//, '#harm_reduction'],
    [/^\/beneficiaries\//, 'beneficiaryId'],
    [/^\/merges\//, 'merge'],
    [/^\/saved-lists\//, 'savedList'],
    [/^\/cases\//, 'caseId'],
    [/^\/stories\//, 'storyId'],
    [/^\/change-rounds\//, 'round'],
    [/^\/directory\/taxonomy\//, '#psychosocial'],
    [/^\/directory\/services\/|^\/hsds\/services\/|^\/directory\/\{resource\}/, 'dirService'],
    [/^\/directory\/organizations\//, 'dirOrganization'],
    [/^\/directory\/locations\//, 'dirLocation'],
    [/^\/directory\/contacts\//, 'dirContact'],
    [/^\/circuits\//, 'circuit'],
    [/^\/consents\//, 'consentId'],
    [/^\/referrals\//, 'referral'],
    [/^\/trainings\//, 'training'],
    [/^\/disclosures\//, 'disclosure'],
    [/^\/stock\/items\//, `#${defaultStockItems[0]!.code}`],
    [/^\/indicators\//, 'indicator'],
    [/^\/services\//, 'service'],
    [/^\/ost\/episodes\//, 'ostEpisode'],
    [/^\/ost\/dispensings\//, 'ostDispensing'],
    [/^\/anonymous-services\//, 'anonymousLine'],
    [/^\/insertion\/steps\//, 'insertionStep'],
    [/^\/voice-notes\//, 'voiceNote'],
  ];
  const found = table.find(([re]) => re.test(p));
  if (!found) throw new Error(`no thing for {${param}} of ${path}: add it to server/test/probes/requests.ts`);
  return found[1];
}

export interface ProbeRequest {
  /** Does it name something of the place (a path id, a unit in the query or body)? If not, every place gets the same request. */
  aimed?: boolean;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** A raw upload (imports): content type and bytes. */
  raw?: { type: string; payload: string };
}

/** The things an operation uses up, made again before each request (by the place's administrator). */
const fresh: Record<string, (place: Place, doc: OpenApiDoc) => Promise<Refs>> = {
  'DELETE /api/v1/services/{id}': async (place) => {
    const client = place.maker;
    const res = await client.post<{ services: Array<{ id: string }> }>('/contacts', { date: new Date().toISOString().slice(0, 10), program: 'prev_ps', beneficiaryId: place.refs.beneficiaryId, orgUnitId: place.unit, services: [{ service: 'iec_session' }] });
    return { service: res.body.services[0]!.id };
  },
  'DELETE /api/v1/saved-lists/{id}': async (place, doc) => {
    const client = place.maker;
    const res = await client.post<{ id: string }>('/saved-lists', bodyOf(doc, 'POST', '/saved-lists', place.refs));
    return { savedList: res.body.id };
  },
  'DELETE /api/v1/users/{id}/assignments/{assignmentId}': async (place) => {
    const res = await place.org.admin.post<{ assignments: Array<{ id: string; role: string }> }>(`/users/${String(place.refs.user)}/assignments`, { role: 'viewer', orgUnitId: place.unit, programs: null });
    return { assignment: res.body.assignments.find((a) => a.role === 'viewer')?.id ?? randomUUID() };
  },
  'DELETE /api/v1/indicators/{code}': async (place) => {
    const code = `probe_${randomUUID().slice(0, 8)}`;
    await place.org.admin.post('/indicators', { code, labels: { fr: code, ar: code, en: code }, kind: 'count' });
    return { indicator: code };
  },
  'POST /api/v1/beneficiaries/{id}/erase': async (place) => ({ beneficiaryId: (await registerBeneficiary(place.maker, { orgUnitId: place.unit })).id }),
  'DELETE /api/v1/ost/dispensings/{id}': async (place, doc) => {
    const res = await place.maker.post<{ id: string }>('/ost/dispensings', bodyOf(doc, 'POST', '/ost/dispensings', place.refs));
    return { ostDispensing: res.status < 300 ? res.body.id : randomUUID() };
  },
  'DELETE /api/v1/anonymous-services/{id}': async (place, doc) => {
    const res = await place.maker.post<{ items: Array<{ id: string }> }>('/anonymous-services', bodyOf(doc, 'POST', '/anonymous-services', place.refs));
    return { anonymousLine: res.status < 300 ? res.body.items[0]!.id : randomUUID() };
  },
  'DELETE /api/v1/insertion/steps/{id}': async (place, doc) => {
    const res = await place.maker.post<{ id: string }>('/insertion/steps', bodyOf(doc, 'POST', '/insertion/steps', place.refs, insertionProbeStep));
    return { insertionStep: res.status < 300 ? res.body.id : randomUUID() };
  },
  'POST /api/v1/merges': async (place) => {
    const client = place.maker;
    const keep = await registerBeneficiary(client, { orgUnitId: place.unit });
    const merge = await registerBeneficiary(client, { orgUnitId: place.unit });
    return { keepId: keep.id, mergeId: merge.id };
  },
  'POST /api/v1/merges/{id}/undo': async (place) => {
    const client = place.maker;
    const keep = await registerBeneficiary(client, { orgUnitId: place.unit });
    const merged = await registerBeneficiary(client, { orgUnitId: place.unit });
    const res = await place.org.admin.post<{ mergeId?: string; id?: string }>('/merges', { keepId: keep.id, mergeId: merged.id });
    return { merge: res.body.mergeId ?? res.body.id ?? randomUUID() };
  },
};

/**
 * The request of `METHOD path` aimed at `place` (things it uses up made fresh first); `aimed` when
 * it names one of the place's own things (not one that `own`, the probing users' place, shares).
 */
export async function requestOf(doc: OpenApiDoc, key: string, place: Place, own: Place = place): Promise<ProbeRequest> {
  const request = await unaimedRequestOf(doc, key, place);
  const shared = new Set(Object.values(own.refs));
  const text = JSON.stringify([request.url, request.body ?? null]);
  const mine = Object.values({ ...place.refs, ...request.refs }).filter((v): v is string => typeof v === 'string' && !shared.has(v));
  return { ...request, aimed: mine.some((v) => text.includes(v)) };
}

async function unaimedRequestOf(doc: OpenApiDoc, key: string, place: Place): Promise<ProbeRequest & { refs: Refs }> {
  const [method, path] = key.split(' ') as [ProbeRequest['method'], string];
  const op = doc.paths[path]![method.toLowerCase()]!;
  const made = (await fresh[key]?.(place, doc)) ?? {};
  // A new username each time: the scopes are probed side by side, and a name taken by one would refuse the other.
  const refs: Refs = { ...place.refs, username: `probe.${++requestCount}`, ...made };
  let url = path.replace('/api/v1', '');
  const query = new URLSearchParams();
  for (const param of op.parameters ?? []) {
    if (param.in === 'path') {
      const ref = pathRef(path, param.name);
      url = url.replace(`{${param.name}}`, encodeURIComponent(String(ref.startsWith('#') ? ref.slice(1) : refs[ref])));
    } else if (param.required || param.name in refs) {
      const value = sampleOf(param.schema, refs, param.name);
      if (value !== null && value !== undefined) query.set(param.name, String(value));
    }
  }
  const q = query.toString();
  const full = q ? `${url}?${q}` : url;
  const content = op.requestBody?.content ?? {};
  // Settings are written back as they stand: a probe must not change what the next ones rely on.
  if (method === 'PUT' && doc.paths[path]!.get && !path.includes('{')) return { method, url: full, refs: made, body: (await place.org.admin.get(url)).body };
  if (key === 'PATCH /api/v1/org-units/{id}') return { method, url: full, refs: made, body: {} };
  // A unit's code is unique in its organisation: each probe its own, so that the scopes probed side
  // by side do not race for one code (the first one's creation made the others a 409).
  if (key === 'POST /api/v1/org-units') {
    const body = sampleOf(content['application/json']!.schema, refs) as Record<string, unknown>;
    return { method, url: full, refs: made, body: { ...body, code: `P${randomUUID().slice(0, 8).toUpperCase()}` } };
  }
  // Harm reduction stays on: a sampled `enabled: false` turned it off for every probe after (its writes all refused).
  if (key === 'PATCH /api/v1/programs/{code}') return { method, url: full, refs: made, body: { enabled: true } };
  if (content['text/csv']) return { method, url: full, refs: made, raw: { type: 'text/csv', payload: 'code\n' } };
  if (content['audio/webm']) return { method, url: full, refs: made, raw: { type: 'audio/webm', payload: 'probe voice note' } };
  if (content['application/json']) return { method, url: full, refs: made, body: sampleOf(content['application/json'].schema, refs) };
  return { method, url: full, refs: made };
}

/** Sends a probe request as `client`. */
export async function send(client: Client, request: ProbeRequest): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'accept-language': 'fr' };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  if (request.raw) headers['content-type'] = request.raw.type;
  else if (request.body !== undefined) headers['content-type'] = 'application/json';
  const res = await client.app.inject({
    method: request.method,
    url: `/api/v1${request.url}`,
    headers,
    // JSON text as sent over the wire (a string, a number or `null` at the root too).
    ...(request.raw ? { payload: request.raw.payload } : request.body !== undefined ? { payload: JSON.stringify(request.body) } : {}),
  });
  return { status: res.statusCode, text: res.body };
}


