import { describe, expect, it } from 'vitest';
import { recordingUnitIds, unitsUnder, type PlaceUnit } from './places.ts';

const u = (id: string, parentId: string | null, level: PlaceUnit['level'], active = true): PlaceUnit => ({ id, parentId, level, active });
const tree = [
  u('MA', null, 'country'),
  u('R1', 'MA', 'region'),
  u('CASA', 'R1', 'section'),
  u('CLI', 'CASA', 'clinic'),
  u('CORNICHE', 'CASA', 'site'),
  u('OLD', 'CASA', 'site', false),
  u('R2', 'MA', 'region'),
  u('PLAGE', 'R2', 'site'),
];
const ids = (units: readonly PlaceUnit[]) => [...recordingUnitIds(units)].sort();

describe('recordingUnitIds: where a worker records', () => {
  it('a section records in itself and its clinics; its sites are chosen apart', () => {
    expect(ids(unitsUnder(tree, 'CASA'))).toEqual(['CASA', 'CLI']);
  });
  it('a clinic records in itself', () => {
    expect(ids(unitsUnder(tree, 'CLI'))).toEqual(['CLI']);
  });
  it('a site records at the site itself', () => {
    expect(ids(unitsUnder(tree, 'CORNICHE'))).toEqual(['CORNICHE']);
  });
  it('an inactive site is no place', () => {
    expect(ids(unitsUnder(tree, 'OLD'))).toEqual([]);
  });
  it('a region picks a section or clinic under it, not the region itself', () => {
    expect(ids(unitsUnder(tree, 'R1'))).toEqual(['CASA', 'CLI']);
  });
  it('a unit above with no section under it records in itself (small organisation), its sites chosen apart', () => {
    expect(ids(unitsUnder(tree, 'R2'))).toEqual(['R2']);
    expect(ids([u('MA', null, 'country')])).toEqual(['MA']);
  });
  it('the whole organisation', () => {
    expect(ids(tree)).toEqual(['CASA', 'CLI', 'R2']);
  });
  it('two assignments: a site of one section and another section', () => {
    expect(ids([...unitsUnder(tree, 'CORNICHE'), ...unitsUnder(tree, 'R2')])).toEqual(['CORNICHE', 'R2']);
  });
});
