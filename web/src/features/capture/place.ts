import { useMemo } from 'react';
import { recordingUnitIds, type User } from '@relais/core';
import { listUsers } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { useCan, useSession } from '../../app/session.tsx';
import type { SelectOption } from '../../ui/index.ts';
import { useT } from '../../i18n/i18n.tsx';
import { indentedLabel, type OrgUnitNode } from '../org-units/org-unit-tree.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { isolate } from '../../i18n/bidi.ts';

/** The unit ids from `id` up to the top of the visible tree (itself included). */
function ancestry(units: readonly OrgUnitNode[], id: string): string[] {
  const parent = new Map(units.map((n) => [n.unit.id, n.unit.parentId]));
  const out: string[] = [];
  let current: string | null | undefined = id;
  while (current && !out.includes(current)) {
    out.push(current);
    current = parent.get(current);
  }
  return out;
}

/**
 * Units where the user records services, by the rule the server applies (`recordingUnitIds`):
 * sections and clinics, her own site when she is assigned to one; sites under a listed unit
 * are chosen apart.
 */
export function recordingUnits(units: readonly OrgUnitNode[]): OrgUnitNode[] {
  const ids = recordingUnitIds(units.map((n) => n.unit));
  return units.filter((n) => ids.has(n.unit.id));
}

/** Active sites under a unit. */
export function sitesUnder(units: readonly OrgUnitNode[], unitId: string): OrgUnitNode[] {
  return units.filter((n) => n.unit.active && n.unit.level === 'site' && n.unit.id !== unitId && ancestry(units, n.unit.id).includes(unitId));
}

/**
 * The default place of a record: the header context unit, or — when that is a site — its
 * unit above with the site chosen.
 */
export function defaultPlace(units: readonly OrgUnitNode[], contextUnitId: string | undefined): { unitId: string; siteId: string } {
  const recording = recordingUnits(units);
  if (!contextUnitId) return { unitId: recording[0]?.unit.id ?? '', siteId: '' };
  if (recording.some((r) => r.unit.id === contextUnitId)) return { unitId: contextUnitId, siteId: '' };
  // A site chosen apart: its unit above, with the site.
  const node = units.find((n) => n.unit.id === contextUnitId);
  const above = ancestry(units, contextUnitId).find((id) => recording.some((r) => r.unit.id === id));
  if (node?.unit.level === 'site' && above) return { unitId: above, siteId: contextUnitId };
  // A unit above (a region): the first unit under it where she records.
  const under = recording.find((r) => ancestry(units, r.unit.id).includes(contextUnitId));
  return { unitId: under?.unit.id ?? recording[0]?.unit.id ?? '', siteId: '' };
}

/** Options of the unit select (indented tree). */
export function unitOptions(nodes: readonly OrgUnitNode[], emptyLabel: string): SelectOption[] {
  return nodes.length ? nodes.map((n) => ({ value: n.unit.id, label: indentedLabel(n) })) : [{ value: '', label: emptyLabel }];
}

/** Is this user assigned on the unit, above it or below it (so she may work there)? */
function worksAt(units: readonly OrgUnitNode[], user: User, unitId: string): boolean {
  const above = ancestry(units, unitId);
  return user.assignments.some((a) => above.includes(a.orgUnit.id) || ancestry(units, a.orgUnit.id).includes(unitId));
}

/**
 * The workers (*intervenant·e·s*) of a unit to pick from: the user herself first, then the
 * active users assigned there (only when she may read users; else just herself).
 */
export function useUnitWorkers(unitId: string): { workers: { id: string; displayName: string }[]; options: SelectOption[]; loading: boolean } {
  const t = useT();
  const { me } = useSession();
  const ctx = useWorkContext();
  const canReadUsers = useCan('user.read');
  const users = useApi(() => (canReadUsers ? listUsers({ limit: 200 }) : Promise.resolve({ items: [], total: 0 })), [canReadUsers]);
  const others = useMemo(
    () =>
      (users.data?.items ?? [])
        .filter((u) => u.active && u.id !== me.user.id && worksAt(ctx.units, u, unitId))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    [users.data, me.user.id, ctx.units, unitId],
  );
  const workers = [{ id: me.user.id, displayName: me.user.displayName }, ...others.map((u) => ({ id: u.id, displayName: u.displayName }))];
  const options = workers.map((w) => ({ value: w.id, label: w.id === me.user.id ? t('search.me', { name: isolate(w.displayName) }) : w.displayName }));
  return { workers, options, loading: users.loading };
}
