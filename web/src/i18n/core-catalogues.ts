import type { Catalogue, Locale, MessageKey } from '@relais/core';

// Core's catalogue table in the web build (ADR 0043): `vite.config.ts` puts this module in place of
// `core/src/i18n/catalogues.ts`, whose table holds the three languages statically. Here each
// language is a chunk of its own, loaded before the app shows anything in it (`loadCatalogue` in
// `i18n.tsx`). Elsewhere (unit tests, the login page's prerendering) core keeps its own table.

const loaders: Record<Locale, () => Promise<Catalogue>> = {
  fr: () => import('@relais/core/i18n/fr').then((m) => m.fr),
  ar: () => import('@relais/core/i18n/ar').then((m) => m.ar),
  en: () => import('@relais/core/i18n/en').then((m) => m.en),
};
const loaded: Partial<Record<Locale, Catalogue>> = {};

/**
 * The loaded languages. A language not loaded reads as one that is: only core's checks that look
 * at the three languages at once (a defined field's unit against the stock unit's three names,
 * an issue's field named in each language) come here, and the server checks them again with all three.
 */
export const catalogues = new Proxy(loaded, {
  get: (table, locale) => table[locale as Locale] ?? Object.values(table)[0],
}) as Record<Locale, Catalogue>;

/** Loads a language's core catalogue (once). */
export async function loadCoreCatalogue(locale: Locale): Promise<void> {
  loaded[locale] ??= await loaders[locale]();
}

/** Is this language's core catalogue loaded? */
export function isCoreCatalogueLoaded(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

/** Has the core catalogue this key? (The three languages have the same keys.) */
export function hasKey(key: string): key is MessageKey {
  const any = Object.values(loaded)[0];
  return any !== undefined && Object.hasOwn(any, key);
}
