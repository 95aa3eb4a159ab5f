import type { orgUnitLevels } from './programs.ts';

/** A unit as the place rules see it. */
export interface PlaceUnit {
  id: string;
  parentId: string | null;
  level: (typeof orgUnitLevels)[number];
  active: boolean;
}

/** Levels where services are given. */
const serviceLevels: ReadonlySet<string> = new Set(['section', 'clinic']);

/**
 * The units a worker records services in, among `units` (the active and inactive units of
 * the subtrees where she may record; a parent missing from the list is outside them):
 * - a section or a clinic;
 * - a site none of whose ancestors is in the list: a worker assigned to a site records at her
 *   site, which the tree counts in its section (a site under a listed unit is chosen apart,
 *   as the site of the contact);
 * - a unit above (country, region, province) only when no active section or clinic lies under
 *   it in the list (a small organisation): else its workers pick a unit under it.
 * Inactive units are never places. The server checks every write with this rule and the
 * web builds its "section or unit" list with it (ADR 0013).
 */
export function recordingUnitIds(units: readonly PlaceUnit[]): Set<string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const hasServiceUnitBelow = new Set<string>();
  for (const u of units) {
    if (!u.active || !serviceLevels.has(u.level)) continue;
    for (let p = u.parentId ? byId.get(u.parentId) : undefined, hops = 0; p && hops < 50; p = p.parentId ? byId.get(p.parentId) : undefined, hops++) hasServiceUnitBelow.add(p.id);
  }
  const out = new Set<string>();
  for (const u of units) {
    if (!u.active) continue;
    if (serviceLevels.has(u.level)) out.add(u.id);
    else if (u.level === 'site') {
      if (!(u.parentId && byId.has(u.parentId))) out.add(u.id);
    } else if (!hasServiceUnitBelow.has(u.id)) out.add(u.id);
  }
  return out;
}

/** A site recorded as its own unit is also the site of the record (so it counts as outreach, not at the premises). */
export function isOwnSite(unit: { level: string }): boolean {
  return unit.level === 'site';
}

/** The units of the subtree under `rootId` (itself included), from a list holding that subtree. */
export function unitsUnder<U extends PlaceUnit>(units: readonly U[], rootId: string): U[] {
  const children = new Map<string, U[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const root = units.find((u) => u.id === rootId);
  if (!root) return [];
  const out: U[] = [];
  const seen = new Set<string>();
  const walk = (u: U) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    out.push(u);
    for (const c of children.get(u.id) ?? []) walk(c);
  };
  walk(root);
  return out;
}
