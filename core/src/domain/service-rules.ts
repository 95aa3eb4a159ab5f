import type { FieldIssue } from '../errors.ts';
import { serviceDefinitions, type ProgramServiceSettings, type ServiceCode } from './services.ts';

/** The details of a service (only what its definition takes is set): one name each in the API, the forms and the database. */
export interface ServiceDetails {
  quantity: number | null;
  result: string | null;
  strategy: string | null;
  modality: string | null;
  kind: string | null;
  treated: boolean | null;
  platform: string | null;
}

/** The fields of a service entry that depend on the service. */
export interface ServiceFields extends ServiceDetails {
  service: ServiceCode;
  registerNo: number | null;
}

/**
 * Checks one service entry against its definition and the program: required
 * fields present, fields of other services absent, values from the service's
 * lists. `at` prefixes the field paths (e.g. `services.2.`).
 */
export function checkServiceEntry(entry: ServiceFields, program: ProgramServiceSettings | undefined, at: string): FieldIssue[] {
  const def = serviceDefinitions[entry.service];
  const issues: FieldIssue[] = [];
  if (program && !program.services.includes(entry.service)) issues.push({ field: `${at}service`, code: 'invalid_choice' });
  const need = (field: keyof ServiceFields, takes: boolean, allowed?: readonly string[]) => {
    const value = entry[field];
    if (takes && (value === null || value === undefined)) issues.push({ field: `${at}${field}`, code: 'required' });
    else if (!takes && value !== null && value !== undefined) issues.push({ field: `${at}${field}`, code: 'not_applicable' });
    else if (takes && allowed && typeof value === 'string' && !allowed.includes(value)) issues.push({ field: `${at}${field}`, code: 'invalid_choice' });
  };
  need('quantity', Boolean(def.quantity));
  need('result', Boolean(def.result), def.result);
  need('strategy', Boolean(def.strategy), def.strategy);
  need('modality', Boolean(def.modality), def.modality);
  need('kind', Boolean(def.kind), def.kind);
  need('treated', Boolean(def.treated));
  if (entry.platform !== null && entry.platform !== undefined && !(entry.service === 'outreach_contact' && entry.modality === 'online')) {
    issues.push({ field: `${at}platform`, code: 'not_applicable' });
  }
  if (entry.registerNo !== null && entry.registerNo !== undefined && entry.service !== 'hiv_test') issues.push({ field: `${at}registerNo`, code: 'not_applicable' });
  return issues;
}

/**
 * Services of a contact missing from the program's *paquet minimum*. A contact
 * is held to it when it includes at least one of its services (an outreach
 * contact); a clinic visit for a test alone is not.
 */
export function missingFromPaquetMinimum(program: ProgramServiceSettings, services: readonly string[]): string[] {
  if (!program.paquetMinimum.some((s) => services.includes(s))) return [];
  return program.paquetMinimum.filter((s) => !services.includes(s));
}

/** A group session counts someone: an attendee by her record, or an anonymous count (else nothing was recorded). */
export function checkGroupSessionAttendance(session: {
  attendees: readonly unknown[];
  anonymous: readonly unknown[];
  audienceCounts?: readonly unknown[];
  audience?: string | null;
  disabilityCount?: number;
}): FieldIssue[] {
  const counted = session.audienceCounts ?? [];
  const issues: FieldIssue[] =
    session.attendees.length === 0 && session.anonymous.length === 0 && counted.length === 0 ? [{ field: 'attendees', code: 'no_participant' }] : [];
  // Counts by age group are a cascade session's: they say who it was for.
  if (counted.length > 0 && !session.audience) issues.push({ field: 'audience', code: 'required' });
  const total = session.attendees.length + [...session.anonymous, ...counted].reduce<number>((n, c) => n + ((c as { count?: number }).count ?? 0), 0);
  if ((session.disabilityCount ?? 0) > total) issues.push({ field: 'disabilityCount', code: 'more_than_attendees', params: { value: total } });
  return issues;
}

/**
 * A testing register number as typed: a whole number (`17`), or as paper registers write it,
 * the year and the number (`2026-017`, `2026/17`), whose year must be the service's `year`
 * (registers restart each year; Relais keeps the year and the number apart). Returns the
 * number, or the issue (without field) to show.
 */
export function parseRegisterNo(raw: string, year: number): { ok: true; registerNo: number } | { ok: false; issue: Omit<FieldIssue, 'field'> } {
  const text = raw.trim();
  if (/^\d{1,9}$/.test(text)) return { ok: true, registerNo: Number(text) };
  const paper = /^(\d{4})\s*[-/.]\s*(\d{1,9})$/.exec(text);
  if (!paper) return { ok: false, issue: { code: 'register_no_format' } };
  const paperYear = Number(paper[1]);
  if (paperYear !== year) return { ok: false, issue: { code: 'register_year', params: { year: paperYear, dateYear: year } } };
  return { ok: true, registerNo: Number(paper[2]) };
}
