import { serviceCodes, type ServiceCode, type ServiceDetails } from '@relais/core';
import type { I18n } from '../../i18n/i18n.tsx';

import { definedLabel, definedParts } from '../../api/defined-services.ts';

type Tr = Pick<I18n, 't' | 'has'> & Partial<Pick<I18n, 'locale'>>;

export function isServiceCode(code: string): code is ServiceCode {
  return (serviceCodes as readonly string[]).includes(code);
}

/** Label of a service code (`service.<code>`; a defined service's own name), or the code itself when unknown. */
export function serviceLabel(i18n: Tr, code: string): string {
  return isServiceCode(code) ? i18n.t(`service.${code}`) : (definedLabel(code, i18n.locale ?? 'fr') ?? code);
}

/** Label of a value of a service field (`result.negative`, `kind.cash`…), or the value itself. */
export function valueLabel(i18n: Tr, field: 'result' | 'strategy' | 'modality' | 'kind', value: string): string {
  const key = `${field}.${value}`;
  return i18n.has(key) ? i18n.t(key) : value;
}

/** The details in words, one part per set field: "Quantité : 20", "Négatif", "Stratégie mobile"… */
export function detailParts(i18n: Tr, s: ServiceDetails & { service?: string; fields?: Readonly<Record<string, unknown>> | null }): string[] {
  // A defined service says its own fields (its quantity among them).
  if (s.fields && s.service) return definedParts(s.service, s.fields, i18n.locale ?? 'fr', {
      yesNo: (v) => (v ? i18n.t('record.yes') : i18n.t('record.no')),
      part: (field, value) => i18n.t('definedServices.fieldValue', { field, value }),
    });
  const parts: string[] = [];
  if (s.quantity !== null) parts.push(i18n.t('capture.quantityValue', { n: s.quantity }));
  if (s.result !== null) parts.push(valueLabel(i18n, 'result', s.result));
  if (s.strategy !== null) parts.push(valueLabel(i18n, 'strategy', s.strategy));
  if (s.modality !== null) parts.push(valueLabel(i18n, 'modality', s.modality));
  if (s.kind !== null) parts.push(valueLabel(i18n, 'kind', s.kind));
  if (s.treated !== null) parts.push(s.treated ? i18n.t('capture.treatedYes') : i18n.t('capture.treatedNo'));
  if (s.platform) parts.push(i18n.t('capture.platformValue', { platform: s.platform }));
  return parts;
}

/** The order number of an HIV test in its unit's testing register of the year, e.g. "n° 12 / 2025". */
export function registerNoText(i18n: Tr, s: { registerNo: number | null; registerYear: number | null }): string {
  if (s.registerNo === null) return '';
  return s.registerYear === null ? i18n.t('capture.registerNoShort', { no: s.registerNo }) : i18n.t('capture.registerNoValue', { no: s.registerNo, year: s.registerYear });
}

/** A service in one line: its label, then its details and register number ("Dépistage VIH — Négatif · N° 12 / 2025"). */
export function serviceLine(i18n: Tr, s: ServiceDetails & { service: string; fields?: Readonly<Record<string, unknown>> | null; registerNo: number | null; registerYear: number | null }): string {
  const details = [...detailParts(i18n, s), registerNoText(i18n, s)].filter(Boolean);
  return details.length ? `${serviceLabel(i18n, s.service)} — ${details.join(' · ')}` : serviceLabel(i18n, s.service);
}

/** Today as `YYYY-MM` shifted by `delta` months (the previous month by default). */
export function monthOf(delta = -1, from = new Date()): string {
  const d = new Date(from.getFullYear(), from.getMonth() + delta, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** A service date (`YYYY-MM-DD`, a calendar day: no time zone shift). */
export function formatDay(locale: string, iso: string, style: 'medium' | 'long' = 'medium'): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(d);
}
