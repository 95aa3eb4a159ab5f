import { DefinedService, DefinedServiceList, type Locale, type ProgramCode, type ServiceDefinitionInput, type ServiceDefinitionUpdate } from '@relais/core';
import { request } from './client.ts';

/** GET /programs/:code/services: the services the organisation defined for a program (retired ones included). */
export const listDefinedServices = (program: ProgramCode) => request('GET', `/programs/${encodeURIComponent(program)}/services`, DefinedServiceList);
/** POST /programs/:code/services (`program.manage` at the root). */
export const createDefinedService = (program: ProgramCode, body: ServiceDefinitionInput) => request('POST', `/programs/${encodeURIComponent(program)}/services`, DefinedService, { body });
/** PUT /programs/:code/services/:service: a new version, or its retirement. */
export const updateDefinedService = (program: ProgramCode, code: string, body: ServiceDefinitionUpdate) =>
  request('PUT', `/programs/${encodeURIComponent(program)}/services/${encodeURIComponent(code)}`, DefinedService, { body });

/**
 * The services the organisation defined (ADR 0028) as the last catalogue read gave them: their
 * names are data, not catalogue keys, so every list that names a service (history, verification,
 * the confirmation of a save) finds them here. Set by `parseCatalogue`.
 */
const known = new Map<string, DefinedService>();

export function rememberDefinedServices(list: readonly DefinedService[]): void {
  for (const d of list) known.set(d.code, d);
}

/** A defined service by its code (undefined: built in, or not read yet). */
export function definedService(code: string): DefinedService | undefined {
  return known.get(code);
}

/** A defined service's name in `locale`, or undefined. */
export function definedLabel(code: string, locale: Locale): string | undefined {
  return known.get(code)?.labels[locale];
}

/**
 * A defined service's values in words, one part per field set ("Température : 37", "Lieu : Local",
 * "Première fois : oui"), with the labels of the definition as it stands; a field it no longer
 * has is shown by its key.
 */
export function definedParts(
  code: string,
  values: Readonly<Record<string, unknown>> | null | undefined,
  locale: Locale,
  say: { yesNo: (v: boolean) => string; part: (field: string, value: string) => string },
): string[] {
  if (!values) return [];
  const def = known.get(code);
  return Object.entries(values).map(([key, value]) => {
    const field = def?.fields.find((f) => f.key === key);
    const label = field?.labels[locale] ?? key;
    let shown = String(value);
    if (typeof value === 'boolean') shown = say.yesNo(value);
    else if (field?.type === 'choice') shown = field.options.find((o) => o.code === value)?.labels[locale] ?? shown;
    else if (field?.type === 'quantity' && field.unit) shown = `${shown} ${field.unit[locale]}`;
    return say.part(label, shown);
  });
}
