import type { Catalogue, MessageKey } from './fr.ts';
import { catalogues, hasKey } from './catalogues.ts';
import type { Locale } from '../contracts/common.ts';

export type { Catalogue, MessageKey };
// `catalogues`, `hasKey` and each language's catalogue (`fr`, `ar`, `en`). A star: the web build's
// table in this module's place (ADR 0043) has only the first two; nothing there imports the others.
export * from './catalogues.ts';

/** Text direction of a language. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** Replaces `{name}` placeholders. Unknown placeholders stay visible so a gap is noticed. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Translates a core key in a language. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(catalogues[locale][key], params);
}

/** Label of a request field by its dotted path: `assignments.0.role` → `field.assignments.role` → `field.role`; a record's key → `field.<record>` (key). */
export function fieldLabel(locale: Locale, path: string): string {
  const noIndex = path.split('.').filter((s) => !/^\d+$/.test(s));
  const candidates = [`field.${path}`, `field.${noIndex.join('.')}`, `field.${noIndex[noIndex.length - 1] ?? ''}`];
  for (const key of candidates) if (hasKey(key)) return catalogues[locale][key];
  // A key of a record (`orgUnits.AGA`, `dataElements.2.disaggregation.age_band`): the record's label and the key.
  const parent = `field.${noIndex.slice(0, -1).join('.')}`;
  if (noIndex.length > 1 && hasKey(parent)) return `${catalogues[locale][parent]} (${noIndex[noIndex.length - 1]})`;
  return path || catalogues[locale]['field.body'];
}

/** Picks the best supported language from an Accept-Language header; French by default. */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return 'fr';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (lang === 'fr' || lang === 'ar' || lang === 'en') return lang;
  return 'fr';
}
