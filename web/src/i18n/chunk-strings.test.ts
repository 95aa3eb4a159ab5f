import { describe, expect, it } from 'vitest';
import { cardScanStrings } from '../features/registry/card-scan.i18n.ts';
import { cardPageStrings } from '../features/registry/person-card-page.i18n.ts';
import { chunkText, type ChunkStrings } from './chunk-strings.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const chunks: Record<string, ChunkStrings<Record<string, string>>> = { cardScanStrings, cardPageStrings };

describe('strings kept in lazy chunks', () => {
  it('have every key in the three languages, none empty, with the same placeholders', () => {
    for (const [name, strings] of Object.entries(chunks))
      for (const locale of ['ar', 'en'] as const) {
        expect(Object.keys(strings[locale]).sort(), `${name} ${locale}`).toEqual(Object.keys(strings.fr).sort());
        for (const [key, text] of Object.entries(strings[locale])) {
          expect(text.trim(), `${name} ${locale} ${key}`).not.toBe('');
          expect(placeholders(text), `${name} ${locale} ${key}`).toEqual(placeholders(strings.fr[key] ?? ''));
        }
      }
  });

  it('fills their placeholders in the asked language', () => {
    expect(chunkText(cardScanStrings, 'ar', 'scan.otherOrganisation', { organisation: 'AUTRE' })).toContain('(AUTRE)');
    expect(chunkText(cardPageStrings, 'fr', 'card.title', { code: 'FAMO1985F' })).toBe('Carte de FAMO1985F');
  });
});
