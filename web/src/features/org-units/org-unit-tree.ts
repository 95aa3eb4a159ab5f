import type { OrgUnit } from '@relais/core';
import { isolate } from '../../i18n/bidi.ts';

export interface OrgUnitNode {
  unit: OrgUnit;
  depth: number;
  children: OrgUnitNode[];
}

/** Builds the visible forest: a unit whose parent is not in the list is a root. Children sorted by name. */
export function buildOrgUnitTree(units: readonly OrgUnit[], locale: string): OrgUnitNode[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string | null, OrgUnit[]>();
  for (const u of units) {
    const parent = u.parentId && byId.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  const collator = new Intl.Collator(locale);
  const build = (parent: string | null, depth: number, seen: Set<string>): OrgUnitNode[] =>
    (children.get(parent) ?? [])
      .filter((u) => !seen.has(u.id))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((unit) => {
        const next = new Set(seen).add(unit.id);
        return { unit, depth, children: build(unit.id, depth + 1, next) };
      });
  return build(null, 0, new Set());
}

/** The tree flattened in display order (for selects). */
export function flattenOrgUnitTree(nodes: readonly OrgUnitNode[]): OrgUnitNode[] {
  const out: OrgUnitNode[] = [];
  const walk = (list: readonly OrgUnitNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** A unit as options and lists name it, `Casablanca (CASA)`, isolated for a right-to-left page. */
export function unitLabel(unit: Pick<OrgUnit, 'name' | 'code'>): string {
  return isolate(`${unit.name} (${unit.code})`);
}

/** Label for a select option: indented by depth so the hierarchy stays readable in a native select. */
export function indentedLabel(node: OrgUnitNode): string {
  return `${'\u00a0\u00a0\u00a0'.repeat(node.depth)}${unitLabel(node.unit)}`;
}

/** The territory a unit without its own takes: its nearest ancestor's (among the units listed; null when none has one). */
export function inheritedTerritory(units: readonly OrgUnit[], unit: OrgUnit): string | null {
  const byId = new Map(units.map((u) => [u.id, u]));
  const seen = new Set<string>([unit.id]);
  for (let at = unit.parentId ? byId.get(unit.parentId) : undefined; at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
    if (at.territory) return at.territory;
    seen.add(at.id);
  }
  return null;
}
