import { describe, expect, it } from 'vitest';
import { createI18n, loadCatalogue } from '../../i18n/i18n.tsx';
import { caseTypeLabel, posterHref, posterLocaleOf, posterSizeOf, revisionLine } from './circuit-labels.ts';

await loadCatalogue('fr');
await loadCatalogue('ar');

describe('circuit labels', () => {
  it('reads the poster’s size and language from the address bar, A4 and the user’s language otherwise', () => {
    expect(posterSizeOf('?size=A3')).toBe('A3');
    expect(posterSizeOf('?size=a3')).toBe('A3');
    expect(posterSizeOf('?size=B5')).toBe('A4');
    expect(posterSizeOf('')).toBe('A4');
    expect(posterLocaleOf('?lang=ar', 'fr')).toBe('ar');
    expect(posterLocaleOf('?lang=en', 'ar')).toBe('ar');
    expect(posterLocaleOf('', 'en')).toBe('fr');
    expect(posterHref('a b', 'A3', 'ar')).toBe('/circuits/a%20b/poster?size=A3&lang=ar');
  });

  it('says the revision and the case type in the user’s language (the code when the type is unknown)', () => {
    const fr = createI18n('fr', () => undefined);
    expect(revisionLine(fr, { number: 2, validatedOn: '2026-03-12', validatedBy: 'Atelier de Salé' })).toBe('Révision 2 validée le 12 mars 2026 par Atelier de Salé');
    expect(caseTypeLabel(fr, 'child_sexual_violence')).toBe('Enfant victime de violence sexuelle');
    expect(caseTypeLabel(fr, 'other_case')).toBe('other_case');
    expect(caseTypeLabel(createI18n('ar', () => undefined), 'migrant_care')).toBe('شخص مهاجر');
  });
});
