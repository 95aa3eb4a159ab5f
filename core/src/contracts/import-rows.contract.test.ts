import { describe, expect, it } from 'vitest';
import { beneficiaryRow, orgUnitRow, readRow, serviceRow, targetRow } from './import-rows.contract.ts';

describe('import row schemas (one per kind, read with the API field schemas)', () => {
  it('reads a beneficiary row: empty cells absent, numbers and dates checked with the codes the import report shows', () => {
    const ok = readRow(beneficiaryRow(2026), { code: 'FAMO1985F', populations: 'PS', sex: 'F', birth_year: '1985', section: 'SEC-A', registered_on: '2024-03-01', entry_door: '' });
    expect(ok.issues).toEqual([]);
    expect(ok.values).toMatchObject({ sex: 'F', birth_year: 1985, registered_on: '2024-03-01' });
    expect(ok.values.entry_door).toBeUndefined();
    const bad = readRow(beneficiaryRow(2026), { code: '', populations: '', sex: 'Q', birth_year: '19x5', section: 'SEC-A', registered_on: '2999-01-01', entry_door: 'teleport', marital_status: 'zzz' });
    expect(bad.issues).toEqual([
      { field: 'populations', code: 'required' },
      { field: 'sex', code: 'invalid_choice' },
      { field: 'birth_year', code: 'invalid_type' },
      { field: 'registered_on', code: 'future_date' },
      { field: 'entry_door', code: 'invalid_choice' },
      { field: 'marital_status', code: 'invalid_choice' },
    ]);
    expect(readRow(beneficiaryRow(2026), { birth_year: '1850' }).issues).toContainEqual({ field: 'birth_year', code: 'too_small', params: { min: 1900 } });
    expect(readRow(beneficiaryRow(2026), { birth_year: '2027' }).issues).toContainEqual({ field: 'birth_year', code: 'too_big', params: { max: 2026 } });
    expect(readRow(beneficiaryRow(2026), { registered_on: '2024-02-30' }).issues).toContainEqual({ field: 'registered_on', code: 'invalid_format', params: { format: 'date', example: '2024-03-15' } });
  });

  it('reads org unit, service and target rows as the API reads the same fields', () => {
    const unit = readRow(orgUnitRow(), { code: 'plage', name: 'Plage', parent_code: '', level: 'site', latitude: '30,42', longitude: '195' });
    expect(unit.values).toMatchObject({ code: 'PLAGE', latitude: 30.42 });
    expect(unit.issues).toEqual([{ field: 'longitude', code: 'too_big', params: { max: 180 } }]);
    expect(readRow(orgUnitRow(), { code: 'É!', name: 'x', level: 'site' }).issues).toEqual([{ field: 'code', code: 'invalid_format', params: { format: 'unit_code', example: 'CASA' } }]);
    const service = readRow(serviceRow(), { id: 'nope', code: 'X', date: '2024-01-01', section: 'A', program: 'prev_ps', service: 'condoms', quantity: '-3', treated: 'maybe' });
    expect(service.issues).toEqual([
      { field: 'id', code: 'invalid_format', params: { format: 'uuid', example: '0b5e6f0e-2c1a-4d3e-9f4b-7a8c9d0e1f2a' } },
      { field: 'quantity', code: 'too_small', params: { min: 1 } },
      { field: 'treated', code: 'invalid_choice' },
    ]);
    const target = readRow(targetRow(), { indicator: 'reached', program: 'prev_ps', org_unit: 'A', period: '2024', value: '12,5' });
    expect(target).toEqual({ values: { indicator: 'reached', program: 'prev_ps', org_unit: 'A', period: '2024', value: 12.5 }, issues: [] });
    expect(readRow(targetRow(), { value: '-1' }).issues).toContainEqual({ field: 'value', code: 'too_small', params: { min: 0 } });
    expect(readRow(targetRow(), { value: 'many' }).issues).toContainEqual({ field: 'value', code: 'invalid_type' });
  });

  it('refuses a cell holding NUL as invalid characters', () => {
    expect(readRow(serviceRow(), { kind: 'a\u0000b' }).issues).toContainEqual({ field: 'kind', code: 'invalid_characters' });
  });
});
