/**
 * The world the authorisation matrix and the hostile suite probe: organisation A with two
 * sections (S1, where every probed user works, and S2), organisation B with one section, and a
 * third organisation C that referrals go to and come from. Each of A/S1, A/S2 and B/S1 holds the
 * same things (a person and her service, a case with an action and an appointment, a story and a
 * round, a consent, a referral sent and one received, a training and its trainee, a disclosure,
 * a saved list, directory entries, an indicator, a user and her assignment), made through the API
 * by that place's own people: `Place.refs` names them by the field or parameter that carries them.
 */
import { roles, type Role } from '@relais/core';
import { Client, createOrg, createUnit, createUserClient, PASSWORD, type TestApp, type TestOrg } from '../harness.ts';
import { recordContact, registerBeneficiary, createUser } from '../factories.ts';
import { sampleOf, type JsonSchema, type Refs } from './sample.ts';

/** Where a probed request is aimed, seen from a user of A/S1. */
export type Scope = 'own' | 'unit' | 'org' | 'program';
export const scopes: readonly Scope[] = ['own', 'unit', 'org', 'program'];

/** Who probes: the root administrator of A, then one user of each role on A/S1. */
export type Actor = 'root_admin' | Role;
export const actors: readonly Actor[] = ['root_admin', ...roles];

/** The program the places' person-level data is in; the "other program" users hold only `otherProgram`. */
export const program = 'gbv';
/** A step of an insertion pathway the probes can make (the sampled body with a consistent kind, dates and completion). */
export const insertionProbeStep = { kind: 'training', activity: 'Formation sonde', startDate: '2025-01-06', endDate: null, completed: null, note: null };
const otherProgram = 'migrant_health';

export interface Place {
  org: TestOrg;
  unit: string;
  refs: Refs;
  /** A social worker of the place who made its things (and makes them fresh). */
  maker: Client;
  /** Person-level strings of this place that must never reach a user who may not see them (ids, codes). */
  secrets: string[];
}

export interface World {
  t: TestApp;
  a: TestOrg;
  b: TestOrg;
  c: TestOrg;
  places: Record<'own' | 'unit' | 'org', Place>;
  /** A/S1 users, every program. */
  users: Record<Actor, Client>;
  /** A/S1 users holding only another program (the root administrator keeps all). */
  programUsers: Record<Actor, Client>;
  /** The request schemas of the OpenAPI document, by `METHOD /path`. */
  doc: OpenApiDoc;
}

export type OpenApiOperation = {
  parameters?: Array<{ name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  'x-permission'?: string;
  security: unknown[];
};
export type OpenApiDoc = { paths: Record<string, Record<string, OpenApiOperation>> };

async function expectOk<T>(what: string, res: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A body for `METHOD /path` from its schema and the refs, with `extra` on top. */
export function bodyOf(doc: OpenApiDoc, method: string, path: string, refs: Refs, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const op = doc.paths[`/api/v1${path}`]?.[method.toLowerCase()];
  if (!op) throw new Error(`no operation ${method} ${path}`);
  const schema = op.requestBody?.content['application/json']?.schema;
  return { ...(sampleOf(schema, refs) as Record<string, unknown>), ...extra };
}

/** Fills one place: its people and its things, each made through the API. */
async function fillPlace(t: TestApp, doc: OpenApiDoc, org: TestOrg, unit: string, tag: string, receiver: TestOrg): Promise<Place> {
  const { id: makerId, client: maker } = await createUserClient(t, org.admin, org.code, `maker.${tag}`, 'social_worker', unit);
  const refs: Refs = { orgUnitId: unit, parentId: unit, program, domain: 'health', caseWorkerId: makerId, assigneeId: makerId, collectedById: makerId, workerId: makerId, 'facilitatorIds[]': makerId };
  // `template` is the OpenAPI path (`/cases/{id}/actions`), `url` the one requested.
  const post = <T>(what: string, client: Client, template: string, extra: Record<string, unknown> = {}, url = template) =>
    expectOk<T>(what, client.post<T>(url, bodyOf(doc, 'POST', template, refs, extra)));

  const person = await registerBeneficiary(maker, { orgUnitId: unit });
  refs.beneficiaryId = person.id;
  const contact = await recordContact(maker, { beneficiaryId: person.id, orgUnitId: unit });
  refs.service = contact.services[0]!.id;
  const kase = await post<{ id: string }>('case', maker, '/cases');
  refs.caseId = kase.id;
  refs.action = (await post<{ actions: Array<{ id: string }> }>('action', maker, '/cases/{id}/actions', {}, `/cases/${kase.id}/actions`)).actions[0]!.id;
  refs.appointment = (await post<{ appointments: Array<{ id: string }> }>('appointment', maker, '/cases/{id}/appointments', {}, `/cases/${kase.id}/appointments`)).appointments[0]!.id;
  const story = await post<{ id: string }>('story', maker, '/stories', { story: 'Récit synthétique de sonde.', domain: 'health' });
  refs.storyId = story.id;
  refs['storyIds[]'] = story.id;
  refs.round = (await post<{ id: string }>('round', maker, '/change-rounds')).id;
  const consent = await post<{ id: string }>('consent', maker, '/beneficiaries/{id}/consents', consentOf(receiver), `/beneficiaries/${person.id}/consents`);
  refs.consentId = consent.id;
  refs.referral = (await post<{ id: string }>('referral', maker, '/referrals', { toOrganisation: receiver.code, consentId: consent.id })).id;
  refs.training = (await post<{ training: { id: string } }>('training', maker, '/trainings')).training.id;
  refs.trainingId = refs.training;
  const attendance = await post<{ attendance: Array<{ trainee: { id: string } }> }>(
    'trainee', maker, '/trainings/{id}/attendance', { trainee: { kind: 'professional', name: 'Personne formée', sex: 'F' } }, `/trainings/${String(refs.training)}/attendance`);
  refs.traineeId = attendance.attendance[0]!.trainee.id;
  refs.disclosure = (await post<{ id: string }>('disclosure', maker, '/disclosures')).id;
  refs.savedList = (await post<{ id: string }>('saved list', maker, '/saved-lists')).id;
  const indicator = `probe_${tag}`;
  await post('indicator', org.admin, '/indicators', { code: indicator, labels: { fr: indicator, ar: indicator, en: indicator } });
  refs.indicator = indicator;
  const userId = await createUser(org.admin, { username: `someone.${tag}`, assignments: [{ role: 'peer_educator', orgUnitId: unit }] });
  refs.user = userId;
  refs.assignment = (await expectOk<{ assignments: Array<{ id: string }> }>('user', org.admin.get(`/users/${userId}`))).assignments[0]!.id;
  if (doc.paths['/api/v1/ost/episodes']) {
    const episode = await maker.post<{ id: string }>('/ost/episodes', bodyOf(doc, 'POST', '/ost/episodes', refs, { prescriber: 'Dr Probe', doseMg: 40 }));
    refs.ostEpisode = episode.status < 300 ? episode.body.id : missing(`OST episode (${episode.status})`);
    refs.episodeId = refs.ostEpisode;
  }
  if (doc.paths['/api/v1/insertion/steps']) {
    const step = await maker.post<{ id: string }>('/insertion/steps', bodyOf(doc, 'POST', '/insertion/steps', refs, insertionProbeStep));
    refs.insertionStep = step.status < 300 ? step.body.id : missing(`insertion step (${step.status})`);
  }
  const definition = `probe_${tag}`;
  await post('service definition', org.admin, '/programs/{code}/services', { code: definition }, '/programs/harm_reduction/services');
  refs.serviceDefinition = definition;
  await fillDirectory(t, doc, org, unit, tag, refs);
  return { org, unit, refs, maker, secrets: [person.id, person.code, kase.id, story.id, String(refs.service)] };
}

/**
 * The place's organisation's entries in the directory (shared by the instance: an organisation
 * edits its own, a network coordinator those of the territories her organisation coordinates):
 * a territory of its network coordinator, its own organisation entry, a service there with a
 * location and a focal point, and a care circuit of the territory.
 */
async function fillDirectory(t: TestApp, doc: OpenApiDoc, org: TestOrg, unit: string, tag: string, refs: Refs): Promise<void> {
  const { client: network } = await createUserClient(t, org.admin, org.code, `network.${tag}`, 'network_coordinator', unit);
  const territory = `ter_${tag}`;
  refs.territory = territory;
  refs['territories[]'] = territory;
  refs.serviceType = 'psychosocial';
  refs.caseType = 'gbv';
  const post = <T>(what: string, client: Client, path: string, extra: Record<string, unknown> = {}) => expectOk<T>(what, client.post<T>(path, bodyOf(doc, 'POST', path, refs, extra)));
  await post('territory', network, '/directory/territories', { code: territory, name: { fr: territory, ar: null } });
  refs.dirOrganization = (await post<{ id: string }>('directory organisation', org.admin, '/directory/organizations', { name: `Entrée ${tag}` })).id;
  refs.organizationId = refs.dirOrganization;
  refs.dirService = (await post<{ id: string }>('directory service', org.admin, '/directory/services')).id;
  refs.serviceId = refs.dirService;
  refs.dirLocation = (await post<{ id: string }>('directory location', org.admin, '/directory/locations')).id;
  refs.locationId = refs.dirLocation;
  refs.dirContact = (await post<{ id: string }>('directory contact', org.admin, '/directory/contacts')).id;
  refs.circuit = (await post<{ id: string }>('circuit', network, '/circuits')).id;
}

/** Builds the world (about 30 users, three places) on a fresh app. */
export async function buildWorld(t: TestApp): Promise<World> {
  const docRes = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  const doc = JSON.parse(docRes.body) as OpenApiDoc;
  const a = await createOrg(t, 'PROBEA');
  const b = await createOrg(t, 'PROBEB');
  const c = await createOrg(t, 'PROBEC');
  const s1 = await createUnit(a.admin, a.rootUnitId, 'S1');
  const s2 = await createUnit(a.admin, a.rootUnitId, 'S2');
  const bs = await createUnit(b.admin, b.rootUnitId, 'B1');
  const places = {
    own: await fillPlace(t, doc, a, s1, 'own', c),
    unit: await fillPlace(t, doc, a, s2, 'unit', c),
    org: await fillPlace(t, doc, b, bs, 'org', c),
  };
  // Referrals received: C refers one of its persons to A (seen by A/S1 and A/S2 alike: the inbox is the organisation's) and to B.
  const cUnit = await createUnit(c.admin, c.rootUnitId, 'C1');
  for (const [key, to] of [['own', a], ['unit', a], ['org', b]] as const) {
    const inbound = await fillInbound(t, doc, c, cUnit, to, key);
    places[key].refs.inbound = inbound;
  }
  const users = {} as Record<Actor, Client>;
  const programUsers = {} as Record<Actor, Client>;
  users.root_admin = a.admin;
  programUsers.root_admin = a.admin;
  for (const role of roles) {
    users[role] = (await createUserClient(t, a.admin, a.code, `all.${role}`, role, s1)).client;
    await createUser(a.admin, { username: `prog.${role}`, assignments: [{ role, orgUnitId: s1, programs: [otherProgram] }] });
    programUsers[role] = await new Client(t.app).login(a.code, `prog.${role}`, PASSWORD);
  }
  return { t, a, b, c, places, users, programUsers, doc };
}

/** The things a place could not be given (the probes of their operations then aim at an unknown id): printed, to be fixed. */
export const missingThings: string[] = [];
function missing(what: string): string {
  missingThings.push(what);
  return '00000000-0000-4000-8000-000000000000';
}

/** A consent to refer to `receiver`. */
const consentOf = (receiver: TestOrg) => ({ to: [receiver.code], purposes: ['referral'], fields: ['code', 'need'], grantedBy: 'person' });

let inboundCount = 0;
/** A referral from C to `to`: C's person, consented to `to`. */
async function fillInbound(t: TestApp, doc: OpenApiDoc, c: TestOrg, unit: string, to: TestOrg, tag: string): Promise<string> {
  const { client: maker } = await createUserClient(t, c.admin, c.code, `sender.${tag}.${inboundCount++}`, 'social_worker', unit);
  const person = await registerBeneficiary(maker, { orgUnitId: unit });
  const refs: Refs = { orgUnitId: unit, beneficiaryId: person.id, program };
  const consent = await expectOk<{ id: string }>('inbound consent', maker.post(`/beneficiaries/${person.id}/consents`, bodyOf(doc, 'POST', '/beneficiaries/{id}/consents', refs, consentOf(to))));
  const referral = await expectOk<{ id: string }>('inbound referral', maker.post('/referrals', bodyOf(doc, 'POST', '/referrals', refs, { toOrganisation: to.code, consentId: consent.id })));
  return referral.id;
}

/** One place only (A/S1, referring to C) and who writes there: what the hostile suite needs. */
export async function buildPlace(t: TestApp): Promise<{ doc: OpenApiDoc; place: Place; writers: Partial<Record<Role, Client>> & { root: Client } }> {
  const docRes = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  const doc = JSON.parse(docRes.body) as OpenApiDoc;
  const a = await createOrg(t, 'HOSTA');
  const c = await createOrg(t, 'HOSTC');
  const s1 = await createUnit(a.admin, a.rootUnitId, 'S1');
  const place = await fillPlace(t, doc, a, s1, 'own', c);
  const writers: Partial<Record<Role, Client>> & { root: Client } = { root: a.admin, social_worker: place.maker };
  for (const role of ['coordinator', 'network_coordinator'] as const) writers[role] = (await createUserClient(t, a.admin, a.code, `writer.${role}`, role, s1)).client;
  return { doc, place, writers };
}
