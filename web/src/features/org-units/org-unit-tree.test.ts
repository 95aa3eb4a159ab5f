import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '@relais/core';
import { buildOrgUnitTree, flattenOrgUnitTree, indentedLabel, inheritedTerritory, unitLabel } from './org-unit-tree.ts';

const unit = (id: string, name: string, parentId: string | null, level: OrgUnit['level'] = 'section'): OrgUnit => ({
  id, code: id.toUpperCase(), name, level, parentId, active: true, latitude: null, longitude: null, territory: null,
});

describe('org unit tree', () => {
  const units = [
    unit('root', 'Association', null, 'country'),
    unit('tng', 'Tanger', 'root', 'region'),
    unit('aga', 'Agadir', 'root', 'region'),
    unit('plage', 'Plage', 'aga'),
    unit('eco', 'École', 'aga'),
    unit('souk', 'Souk', 'plage', 'site'),
  ];

  it('builds the forest with children sorted by name in the language, depth counted', () => {
    const tree = buildOrgUnitTree(units, 'fr');
    expect(tree.map((n) => n.unit.id)).toEqual(['root']);
    const flat = flattenOrgUnitTree(tree);
    expect(flat.map((n) => `${n.depth}:${n.unit.name}`)).toEqual(['0:Association', '1:Agadir', '2:École', '2:Plage', '3:Souk', '1:Tanger']);
  });

  it('makes a unit whose parent is not visible a root (a user sees her subtree)', () => {
    const mine = units.filter((u) => u.id !== 'root' && u.id !== 'tng');
    expect(flattenOrgUnitTree(buildOrgUnitTree(mine, 'fr')).map((n) => `${n.depth}:${n.unit.id}`)).toEqual(['0:aga', '1:eco', '1:plage', '2:souk']);
    expect(buildOrgUnitTree([unit('a', 'A', 'gone'), unit('b', 'B', null)], 'fr').map((n) => n.unit.id)).toEqual(['a', 'b']);
  });

  it('survives a cycle in the data without looping', () => {
    const a = unit('a', 'A', 'b');
    const b = unit('b', 'B', 'a');
    expect(flattenOrgUnitTree(buildOrgUnitTree([a, b], 'fr'))).toEqual([]);
    expect(buildOrgUnitTree([], 'fr')).toEqual([]);
  });

  it('labels a unit with its code, isolated for right-to-left pages, and indents by depth', () => {
    expect(unitLabel({ name: 'Agadir', code: 'AGA' })).toBe('\u2068Agadir (AGA)\u2069');
    const flat = flattenOrgUnitTree(buildOrgUnitTree(units, 'fr'));
    const souk = flat.find((n) => n.unit.id === 'souk')!;
    expect(indentedLabel(souk)).toBe(`${'\u00a0'.repeat(9)}\u2068Souk (SOUK)\u2069`);
    expect(indentedLabel(flat[0]!)).toBe('\u2068Association (ROOT)\u2069');
  });

  it('finds the territory a unit inherits from its nearest ancestor that has one', () => {
    const root = { ...unit('root', 'Association', null, 'country'), territory: 'maroc' };
    const region = { ...unit('rbt', 'Rabat', 'root', 'region'), territory: 'sale' };
    const clinic = unit('cl', 'Clinique', 'rbt', 'clinic');
    const site = unit('site', 'Site', 'cl', 'site');
    expect(inheritedTerritory([root, region, clinic, site], site)).toBe('sale');
    expect(inheritedTerritory([root, region, clinic, site], region)).toBe('maroc');
    expect(inheritedTerritory([unit('x', 'X', null), unit('y', 'Y', 'x')], unit('y', 'Y', 'x'))).toBeNull();
    // A cycle in the data does not loop.
    expect(inheritedTerritory([unit('a', 'A', 'b'), unit('b', 'B', 'a')], unit('a', 'A', 'b'))).toBeNull();
  });
});
