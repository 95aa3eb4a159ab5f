import { describe, expect, it } from 'vitest';
import { ar, en, fieldLabel, fr, negotiateLocale, translate } from './index.ts';
import { errorCodes, validationCodes } from '../errors.ts';
import { roles } from '../domain/roles.ts';
import { orgUnitLevels, programCodes } from '../domain/programs.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const arabicLetters = /[\u0600-\u06FF]/;

describe('catalogues', () => {
  it('have the same keys in French, Arabic and English, none empty, with the same placeholders', () => {
    for (const other of [ar, en]) {
      expect(Object.keys(other).sort()).toEqual(Object.keys(fr).sort());
      for (const [key, text] of Object.entries(other)) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(fr[key as keyof typeof fr]));
      }
    }
  });

  it('translate every error code, validation code, role, program and level', () => {
    const keys = [
      ...errorCodes.map((c) => `error.${c}`),
      ...validationCodes.map((c) => `validation.${c}`),
      ...roles.map((r) => `role.${r}`),
      ...programCodes.map((p) => `program.${p}`),
      ...orgUnitLevels.map((l) => `org_unit_level.${l}`),
    ];
    for (const key of keys) expect(Object.keys(fr), key).toContain(key);
  });

  it('writes the Arabic catalogue in Arabic', () => {
    const hasWords = (text: string) => /\p{L}/u.test(text.replace(/\{\w+\}/g, ''));
    const latinOnly = Object.entries(ar).filter(([key, text]) => !key.startsWith('locale.') && hasWords(text) && !arabicLetters.test(text));
    expect(latinOnly).toEqual([]);
  });

  it('names fields by their path, ignoring list indexes', () => {
    expect(fieldLabel('fr', 'assignments.0.role')).toBe('Rôle');
    expect(fieldLabel('ar', 'organisation.code')).toBe('رمز الجمعية');
    expect(fieldLabel('en', 'unheard.of')).toBe('unheard.of');
    expect(fieldLabel('fr', 'orgUnits.AGA')).toBe('Unité DHIS2 (AGA)');
    expect(fieldLabel('en', 'dataElements.2.disaggregation.age_band')).toBe('Disaggregation (age_band)');
    expect(translate('fr', 'validation.too_short', { field: 'Nom', min: 3 })).toBe('Nom : au moins 3 caractères.');
  });

  it('picks the language from Accept-Language, French by default', () => {
    expect(negotiateLocale('ar-MA,ar;q=0.9,fr;q=0.8')).toBe('ar');
    expect(negotiateLocale('de-DE, en;q=0.5')).toBe('en');
    expect(negotiateLocale('de')).toBe('fr');
    expect(negotiateLocale(undefined)).toBe('fr');
  });
});
