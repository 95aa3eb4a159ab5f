import { describe, expect, it } from 'vitest';
import { birthYearFromCode, checkCodeAgainstPerson, sexLetterFromCode } from './code-consistency.ts';
import { defaultCodeScheme, type CodeScheme } from './code-scheme.ts';

const twoDigits: CodeScheme = { components: [{ kind: 'name', attribute: 'first_name', letters: 2 }, { kind: 'birth_year', digits: 2 }, { kind: 'sex' }] };
const noSexNoYear: CodeScheme = { components: [{ kind: 'name', attribute: 'first_name', letters: 3 }, { kind: 'birth_order', digits: 1 }] };

describe('what a code unique says about the person', () => {
  it('reads the birth year (unknown: 9999, 99) and the sex letter', () => {
    expect(birthYearFromCode(defaultCodeScheme, 'FAMO1985F')).toBe(1985);
    expect(birthYearFromCode(defaultCodeScheme, 'FAMO9999F')).toBeNull();
    expect(birthYearFromCode(twoDigits, 'SA85F', 2026)).toBe(1985);
    expect(birthYearFromCode(twoDigits, 'SA07F', 2026)).toBe(2007);
    expect(sexLetterFromCode(defaultCodeScheme, 'FAMO1985T')).toBe('T');
    expect(sexLetterFromCode(noSexNoYear, 'SAM2')).toBeNull();
  });
});

describe('checkCodeAgainstPerson: the record agrees with its code', () => {
  it('accepts the sex and birth year the code carries, and values not entered', () => {
    expect(checkCodeAgainstPerson(defaultCodeScheme, 'FAMO1985F', { sex: 'F', birthYear: 1985 })).toEqual([]);
    expect(checkCodeAgainstPerson(defaultCodeScheme, 'FAMO1985F', { sex: 'F', birthYear: null })).toEqual([]);
    expect(checkCodeAgainstPerson(defaultCodeScheme, 'FAMO1985M', {})).toEqual([]);
  });
  it('refuses another sex than F or M in the code, naming the field', () => {
    expect(checkCodeAgainstPerson(defaultCodeScheme, 'FAMO1985F', { sex: 'M', birthYear: 1985 })).toEqual([{ field: 'sex', code: 'code_mismatch', params: { value: 'F' } }]);
    expect(checkCodeAgainstPerson(defaultCodeScheme, 'FAMO1985M', { sex: 'X' })).toEqual([{ field: 'sex', code: 'code_mismatch', params: { value: 'M' } }]);
  });
  it('leaves the sex free under T (the code does not say which)', () => {
    for (const sex of ['F', 'M', 'X']) expect(checkCodeAgainstPerson(defaultCodeScheme, 'FAMO1985T', { sex })).toEqual([]);
  });
  it('refuses another birth year than a known one in the code, its last two digits with a two-digit year', () => {
    expect(checkCodeAgainstPerson(defaultCodeScheme, 'FAMO1985F', { birthYear: 1986 }, 'rows.2.')).toEqual([{ field: 'rows.2.birthYear', code: 'code_mismatch', params: { value: '1985' } }]);
    expect(checkCodeAgainstPerson(defaultCodeScheme, 'FAMO9999F', { birthYear: 1986 })).toEqual([]);
    expect(checkCodeAgainstPerson(twoDigits, 'SA85F', { birthYear: 1885 })).toEqual([]);
    expect(checkCodeAgainstPerson(twoDigits, 'SA85F', { birthYear: 1986 })).toEqual([{ field: 'birthYear', code: 'code_mismatch', params: { value: '85' } }]);
    expect(checkCodeAgainstPerson(twoDigits, 'SA99F', { birthYear: 1986 })).toEqual([]);
  });
  it('checks nothing a scheme does not carry', () => {
    expect(checkCodeAgainstPerson(noSexNoYear, 'SAM2', { sex: 'M', birthYear: 1990 })).toEqual([]);
  });
});
