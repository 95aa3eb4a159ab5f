import { afterEach, describe, expect, it, vi } from 'vitest';
import { birthYearFromCode, buildCode, checkCode, defaultCodeScheme, sexLetterFromCode, type CodeScheme } from '@relais/core';
import { createI18n, loadCatalogue } from '../../i18n/i18n.tsx';
import { capitalise, describeScheme, partLabel, populationLabel, sampleAttributes, todayIso } from './registry-labels.ts';

await loadCatalogue('fr');
await loadCatalogue('ar');

const fr = createI18n('fr', () => undefined);
const ar = createI18n('ar', () => undefined);
const twoDigits: CodeScheme = {
  components: [
    { kind: 'name', attribute: 'first_name', letters: 3 },
    { kind: 'birth_year', digits: 2 },
    { kind: 'district', length: 2 },
  ],
};

describe('registry labels', () => {
  afterEach(() => vi.useRealTimers());

  it('capitalises the first letter in the language of the page', () => {
    expect(capitalise('prénom de la mère', 'fr')).toBe('Prénom de la mère');
    expect(capitalise('', 'fr')).toBe('');
    expect(capitalise('ima', 'en')).toBe('Ima');
  });

  it('names a population from the catalogues, else by its code', () => {
    expect(populationLabel(fr, 'PS')).toBe(fr.t('population.PS'));
    expect(populationLabel(fr, 'PS')).not.toBe('PS');
    expect(populationLabel(ar, 'PS')).not.toBe(populationLabel(fr, 'PS'));
    expect(populationLabel(fr, 'OWN_GROUP')).toBe('OWN_GROUP');
  });

  it('names the parts of a code, and says the scheme in words', () => {
    expect(partLabel(fr, 'mother_first_name')).toBe('prénom de la mère');
    expect(partLabel(fr, undefined)).toBe('');
    expect(partLabel(fr, 'unknown_part')).toBe('unknown_part');
    expect(describeScheme(fr, defaultCodeScheme)).toBe('prénom de la mère (2) + prénom du père (2) + année de naissance (4) + sexe (1)');
    expect(describeScheme(fr, twoDigits)).toBe('prénom (3) + année de naissance (2) + district (2)');
  });

  it('shows a valid code with the sample attributes of every part', () => {
    const all: CodeScheme = {
      components: [
        { kind: 'name', attribute: 'surname', letters: 3 },
        { kind: 'birth_day' },
        { kind: 'birth_month' },
        { kind: 'birth_order', digits: 2 },
        { kind: 'district', length: 6 },
        { kind: 'sex' },
      ],
    };
    const code = buildCode(all, sampleAttributes);
    expect(code).toBe('ALA070302CASA01F');
    expect(checkCode(all, code).ok).toBe(true);
    expect(buildCode(defaultCodeScheme, sampleAttributes)).toBe('FAMO1985F');
  });

  it('reads the birth year of a code: four digits as written, two digits in the right century, 9999 unknown', () => {
    expect(birthYearFromCode(defaultCodeScheme, 'FAMO1985F')).toBe(1985);
    expect(birthYearFromCode(defaultCodeScheme, 'FAMO9999F')).toBeNull();
    expect(birthYearFromCode(twoDigits, 'SAM85CA', 2026)).toBe(1985);
    expect(birthYearFromCode(twoDigits, 'SAM05CA', 2026)).toBe(2005);
    expect(birthYearFromCode(twoDigits, 'SAM26CA', 2026)).toBe(2026);
    expect(birthYearFromCode(twoDigits, 'SAM27CA', 2026)).toBe(1927);
    expect(birthYearFromCode(twoDigits, 'SAM99CA', 2026)).toBeNull();
    expect(birthYearFromCode({ components: [{ kind: 'name', attribute: 'surname', letters: 4 }] }, 'ALAO')).toBeNull();
  });

  it('reads the sex letter of a code when the scheme has one', () => {
    expect(sexLetterFromCode(defaultCodeScheme, 'FAMO1985F')).toBe('F');
    expect(sexLetterFromCode(defaultCodeScheme, 'FAMO1985T')).toBe('T');
    expect(sexLetterFromCode(defaultCodeScheme, 'FAMO1985')).toBeNull();
    expect(sexLetterFromCode(twoDigits, 'SAM85CA')).toBeNull();
  });

  it('gives today in the device’s calendar', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 0, 5, 23, 30));
    expect(todayIso()).toBe('2026-01-05');
    vi.setSystemTime(new Date(2026, 11, 31, 0, 5));
    expect(todayIso()).toBe('2026-12-31');
  });
});
