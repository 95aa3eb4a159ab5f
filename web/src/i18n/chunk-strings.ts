import { interpolate, type Locale, type Translations } from '@relais/core';

/** A lazy chunk's own strings in the three languages (French first), kept in the chunk. */
export type ChunkStrings<French extends Record<string, string>> = { fr: French; ar: Translations<French>; en: Translations<French> };

/**
 * A string of a lazy chunk's own catalogue (`useChunkT` in `i18n.tsx` in components): strings that
 * live in the chunk instead of the app's catalogues do not weigh on the field entry (ADR 0025, 0041).
 */
export function chunkText<French extends Record<string, string>>(strings: ChunkStrings<French>, locale: Locale, key: keyof French & string, params?: Record<string, string | number>): string {
  return interpolate(strings[locale][key] ?? strings.fr[key] ?? key, params);
}
