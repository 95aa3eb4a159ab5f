/**
 * Factories: one function per aggregate, each going through the API and so through the real
 * use cases, checks and repositories (never raw SQL): a change of schema or of a rule breaks
 * here, in one place, not in every test that needs a person or a service.
 *
 * Each takes a logged-in `Client` (who acts matters: scopes, programs, the audit) and fills what
 * the test does not care about with valid synthetic values (no real person's data). Each throws
 * with the status and body when the API refuses, so a broken setup fails where it is written.
 *
 * The organisation with its administrator (`createOrg`), units (`createUnit`) and users
 * (`createUserClient`) live in `harness.ts` and are re-exported here.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  buildCode,
  defaultCodeScheme,
  type Beneficiary,
  type CreateUser,
  type ImportReport,
  type IndicatorInput,
  type RecordContact,
  type RecordGroupSession,
  type RegisterBeneficiary,
  type ServiceEntry,
  type ServiceRecord,
  type TargetInput,
} from '@relais/core';
import { PASSWORD, type Client, type Response } from './harness.ts';

export { createOrg, createUnit, createUserClient, PASSWORD } from './harness.ts';

/** What a factory sends: the request's input type (defaults optional), as the API parses it. */
type Input<S extends z.ZodType> = z.input<S>;

function expectStatus<T>(what: string, res: Response<T>, ...statuses: number[]): T {
  if (!statuses.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Today as the server's date fields expect it (`YYYY-MM-DD`). */
export const today = (): string => new Date().toISOString().slice(0, 10);

let personCounter = 0;

/**
 * A valid code of the default scheme (mother's and father's first letters, birth year, sex) for
 * the n-th synthetic person: four letters spelled from `n` (AAAA, AAAB…), then the birth year
 * (9999 unknown) and the sex letter (F, M, T for X), so code, sex and birth year agree.
 */
export function codeOf(n: number, person: { sex?: 'F' | 'M' | 'X'; birthYear?: number | null } = {}): string {
  let letters = '';
  let rest = n;
  for (let i = 0; i < 4; i++) {
    letters = String.fromCharCode(65 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  }
  const sex = person.sex ?? 'F';
  return buildCode(defaultCodeScheme, {
    mother_first_name: letters.slice(0, 2),
    father_first_name: letters.slice(2),
    birth_year: person.birthYear ?? null,
    sex: sex === 'X' ? 'T' : sex,
  });
}

/** A user with the given roles (one unit each, every program unless said) through POST /users; returns her id. */
export async function createUser(
  admin: Client,
  input: { username: string; assignments: Array<{ role: string; orgUnitId: string; programs?: string[] | null }> } & Partial<Omit<Input<typeof CreateUser>, 'assignments'>>,
): Promise<string> {
  const body = {
    displayName: `User ${input.username}`,
    password: PASSWORD,
    ...input,
    assignments: input.assignments.map((a) => ({ programs: null, ...a })),
  };
  return expectStatus(`user ${input.username}`, await admin.post<{ id: string }>('/users', body), 201).id;
}

/**
 * Registers a person through POST /beneficiaries: PS, female, registered today in `orgUnitId`,
 * with the next synthetic code (consistent with sex and birth year) unless given.
 */
export async function registerBeneficiary(client: Client, input: Partial<Input<typeof RegisterBeneficiary>> & { orgUnitId: string }): Promise<Beneficiary> {
  const sex = input.sex ?? 'F';
  const body = {
    code: input.code ?? codeOf(personCounter++, { sex, birthYear: input.birthYear ?? null }),
    registeredOn: today(),
    populations: ['PS'],
    ...input,
    sex,
  };
  return expectStatus(`beneficiary ${body.code}`, await client.post<Beneficiary>('/beneficiaries', body), 201);
}

/** One service of a contact as the API takes it (fields it does not take may be left out). */
export type ServiceInput = Input<typeof ServiceEntry>;
/** A contact as a factory takes it: the person and the unit; the rest has defaults. */
export type ContactInput = Partial<Input<typeof RecordContact>> & { beneficiaryId: string; orgUnitId: string };

/** A contact as the API takes it: today, prev_ps, one IEC session unless said. */
function contactBody(input: ContactInput) {
  return { date: today(), program: 'prev_ps' as const, services: [{ service: 'iec_session' as const }], ...input };
}

/** Records one contact through POST /contacts; returns its id and its services as recorded. */
export async function recordContact(client: Client, input: ContactInput): Promise<{ contactId: string; services: ServiceRecord[] }> {
  return expectStatus('contact', await client.post<{ contactId: string; services: ServiceRecord[] }>('/contacts', contactBody(input)), 201);
}

/**
 * Records many contacts in one POST /sync/push (the offline app's path): checked one by one and
 * written together, as a batch from the field is. Contact and service ids are chosen here and
 * returned, in the order given. Every contact must be applied.
 */
export async function recordContacts(client: Client, inputs: ContactInput[]): Promise<Array<{ contactId: string; serviceIds: string[] }>> {
  const out: Array<{ contactId: string; serviceIds: string[] }> = [];
  for (let i = 0; i < inputs.length; i += 1000) {
    const operations = inputs.slice(i, i + 1000).map((input) => {
      const body = contactBody(input);
      const contactId = body.contactId ?? randomUUID();
      const services = (body.services as ServiceInput[]).map((s) => ({ ...s, id: s.id ?? randomUUID() }));
      out.push({ contactId, serviceIds: services.map((s) => s.id) });
      return { id: randomUUID(), kind: 'record_contact' as const, payload: { ...body, contactId, services } };
    });
    const res = expectStatus('contacts', await client.post<{ results: Array<{ id: string; status: string; error?: unknown }> }>('/sync/push', { operations }), 200);
    const refused = res.results.filter((r) => r.status !== 'applied');
    if (refused.length) throw new Error(`contacts: ${refused.length} not applied, e.g. ${JSON.stringify(refused[0])}`);
  }
  return out;
}

/** Records a group session through POST /group-sessions: a thematic session today in prev_ps. */
export async function recordGroupSession(
  client: Client,
  input: Partial<Input<typeof RecordGroupSession>> & { orgUnitId: string },
): Promise<{ id: string; attendeeCount: number; anonymousCount: number }> {
  const body = { date: today(), program: 'prev_ps' as const, type: 'thematic' as const, theme: 'Prévention combinée', ...input };
  return expectStatus('group session', await client.post<{ id: string; attendeeCount: number; anonymousCount: number }>('/group-sessions', body), 201);
}

/** Adds an organisation's own indicator through POST /indicators, named the same in every language unless said. */
export async function createIndicator(client: Client, input: Omit<Input<typeof IndicatorInput>, 'labels'> & { labels?: Input<typeof IndicatorInput>['labels'] }): Promise<unknown> {
  const body = { labels: { fr: input.code, ar: input.code, en: input.code }, ...input };
  return expectStatus(`indicator ${input.code}`, await client.post('/indicators', body), 201);
}

/** Sets a target through PUT /targets (prev_ps unless said). */
export async function setTarget(client: Client, input: Partial<Input<typeof TargetInput>> & { indicator: string; orgUnitId: string; period: string; value: number }): Promise<unknown> {
  return expectStatus(`target ${input.indicator}`, await client.put('/targets', { program: 'prev_ps', ...input }), 200);
}

/**
 * Uploads a file to the import endpoint as `client` (in her language); the report as the API
 * answers it (refused rows listed, nothing written), or the error of a file refused whole.
 */
export async function uploadImport(client: Client, kind: string, content: string | Buffer, dryRun = false, type = 'text/csv') {
  const r = await client.app.inject({
    method: 'POST',
    url: `/api/v1/imports?kind=${kind}&dryRun=${dryRun}`,
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf!, 'content-type': type, 'accept-language': client.locale },
    payload: content,
  });
  return { status: r.statusCode, body: JSON.parse(r.body) as ImportReport & { error?: { code: string; message: string } } };
}
