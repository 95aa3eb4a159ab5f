import { checkAnyServiceEntry, isBuiltInService, parseRegisterNo, serviceDefinitions, type DefinedService, type FieldIssue, type ProgramServiceSettings, type ServiceCode } from '@relais/core';
import type { ServiceRecordData } from '../../api/endpoints.ts';
import { newId } from '../../api/ids.ts';

/** One service as the form edits it (strings for inputs; converted by `entryOf`). */
export interface ServiceDraft {
  /** Client-generated: a retried save of the same row is applied once. */
  id: string;
  /** A built-in service code, a defined service's code (ADR 0028), or '' before a choice. */
  service: string;
  quantity: string;
  result: string;
  strategy: string;
  modality: string;
  kind: string;
  treated: '' | 'yes' | 'no';
  platform: string;
  /** HIV test transcribed from a paper register: its order number (else assigned by the server). */
  registerNo: string;
  note: string;
  /** A defined service's fields as typed, by key (`yes`/`no` for a yes/no field). */
  fields: Record<string, string>;
}

export function newServiceDraft(): ServiceDraft {
  return { id: newId(), service: '', quantity: '', result: '', strategy: '', modality: '', kind: '', treated: '', platform: '', registerNo: '', note: '', fields: {} };
}

/** The draft of a recorded service (for a correction). */
export function draftOfRecord(s: ServiceRecordData): ServiceDraft {
  return {
    id: s.id,
    service: s.service,
    quantity: s.quantity === null ? '' : String(s.quantity),
    result: s.result ?? '',
    strategy: s.strategy ?? '',
    modality: s.modality ?? '',
    kind: s.kind ?? '',
    treated: s.treated === null ? '' : s.treated ? 'yes' : 'no',
    platform: s.platform ?? '',
    registerNo: s.registerNo === null ? '' : String(s.registerNo),
    note: s.note ?? '',
    fields: Object.fromEntries(Object.entries(s.fields ?? {}).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)])),
  };
}

/** A number input's value: null when empty, the number when it is one, else the text (the schema says why). */
export function numberOrText(raw: string): number | string | null {
  const s = raw.trim();
  if (!s) return null;
  return /^\d+$/.test(s) ? Number(s) : s;
}

const textOrNull = (raw: string) => (raw.trim() ? raw.trim() : null);

/**
 * A register number as sent: the number, also from the paper form `2026-017` when its year is
 * the service's `year`; else the text (refused, `registerNoIssues` says why).
 */
export function registerNoOf(raw: string, year: number): number | string | null {
  if (!raw.trim()) return null;
  const parsed = parseRegisterNo(raw, year);
  return parsed.ok ? parsed.registerNo : raw.trim();
}

/** Why a typed register number cannot be read (a number is expected, or the paper form of the service's year). */
export function registerNoIssues(raw: string, year: number, field: string): FieldIssue[] {
  if (!raw.trim()) return [];
  const parsed = parseRegisterNo(raw, year);
  return parsed.ok ? [] : [{ field, ...parsed.issue }];
}

/** Does this draft take an online platform (online outreach contact)? */
export function takesPlatform(d: Pick<ServiceDraft, 'service' | 'modality'>): boolean {
  return d.service === 'outreach_contact' && d.modality === 'online';
}

/**
 * The entry sent to the server: only the fields the service takes are filled, the others
 * null (a field left from a previous choice of service is never sent).
 */
export function entryOf(d: ServiceDraft, year: number, defined?: DefinedService) {
  if (defined) return { id: d.id, service: d.service, ...noDetails, note: textOrNull(d.note), fields: definedValuesOf(defined, d.fields) };
  const def = isBuiltInService(d.service) ? serviceDefinitions[d.service as ServiceCode] : {};
  return {
    id: d.id,
    service: d.service,
    quantity: def.quantity ? numberOrText(d.quantity) : null,
    result: def.result ? textOrNull(d.result) : null,
    strategy: def.strategy ? textOrNull(d.strategy) : null,
    modality: def.modality ? textOrNull(d.modality) : null,
    kind: def.kind ? textOrNull(d.kind) : null,
    treated: def.treated ? (d.treated === '' ? null : d.treated === 'yes') : null,
    platform: takesPlatform(d) ? textOrNull(d.platform) : null,
    registerNo: d.service === 'hiv_test' ? registerNoOf(d.registerNo, year) : null,
    note: textOrNull(d.note),
    fields: null,
  };
}

const noDetails = { quantity: null, result: null, strategy: null, modality: null, kind: null, treated: null, platform: null, registerNo: null };

/** A defined service's values as sent: numbers for quantities and numbers, true/false for yes/no, trimmed text; empty fields left out. */
export function definedValuesOf(defined: DefinedService, typed: Readonly<Record<string, string>>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const f of defined.fields) {
    const raw = (typed[f.key] ?? '').trim();
    if (!raw) continue;
    if (f.type === 'yes_no') out[f.key] = raw === 'yes';
    else if (f.type === 'quantity' || f.type === 'number') out[f.key] = Number.isFinite(Number(raw.replace(',', '.'))) ? Number(raw.replace(',', '.')) : raw;
    else out[f.key] = raw;
  }
  return out;
}

/**
 * The rule check the server applies to one service (required fields, values from the
 * service's lists, offered by the program); `at` prefixes the field paths.
 */
export function serviceIssues(
  d: ServiceDraft,
  program: ProgramServiceSettings | undefined,
  at: string,
  year: number,
  /** The contact's program and the organisation's defined services (a defined service is checked against its definition). */
  defined: { program: string; services: ReadonlyMap<string, DefinedService> } = { program: '', services: new Map() },
): FieldIssue[] {
  if (!d.service) return [];
  const e = entryOf(d, year, defined.services.get(d.service));
  // Text in a number field is reported by the schema (invalid type), not as "required" here.
  return checkAnyServiceEntry(
    {
      ...e,
      quantity: typeof e.quantity === 'string' ? 0 : e.quantity,
      registerNo: typeof e.registerNo === 'string' ? 0 : e.registerNo,
    },
    defined.program,
    program,
    defined.services,
    at,
  );
}
