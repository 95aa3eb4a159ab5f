import type { SavedListData, SavedListFilters } from '../../api/endpoints.ts';

// The registry search's query model: its filters as the form holds them, the address and saved lists. No React here.

export const PAGE_SIZE = 25;
export const matchTypes = ['prefix', 'exact', 'fuzzy'] as const;
export const sortKeys = ['code', 'registered_on', 'last_seen_on'] as const;
export const orders = ['asc', 'desc'] as const;

/** The search filters as the form holds them ('' = no filter). */
export interface Filters {
  code: string;
  match: (typeof matchTypes)[number];
  population: string;
  orgUnitId: string;
  registeredBy: string;
  seenFrom: string;
  seenTo: string;
  /** Working lists: last seen at least this many days ago. */
  notSeenForDays: string;
  sort: (typeof sortKeys)[number];
  order: (typeof orders)[number];
}

export const emptyFilters: Filters = { code: '', match: 'prefix', population: '', orgUnitId: '', registeredBy: '', seenFrom: '', seenTo: '', notSeenForDays: '', sort: 'code', order: 'asc' };
export const filterKeys = Object.keys(emptyFilters) as (keyof Filters)[];

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Filters and page from the address (so "back" from a record returns to the same list). */
export function fromLocation(): { filters: Filters; offset: number } {
  const q = new URLSearchParams(window.location.search);
  const text = (k: string) => q.get(k) ?? '';
  return {
    filters: {
      code: text('code'),
      match: oneOf(matchTypes, q.get('match'), 'prefix'),
      population: text('population'),
      orgUnitId: text('orgUnitId'),
      registeredBy: text('registeredBy'),
      seenFrom: text('seenFrom'),
      seenTo: text('seenTo'),
      notSeenForDays: text('notSeenForDays'),
      sort: oneOf(sortKeys, q.get('sort'), 'code'),
      order: oneOf(orders, q.get('order'), 'asc'),
    },
    offset: Math.max(0, Number.parseInt(q.get('offset') ?? '0', 10) || 0),
  };
}

export function toLocation(filters: Filters, offset: number): void {
  const q = new URLSearchParams();
  for (const k of filterKeys) if (filters[k] !== '' && filters[k] !== emptyFilters[k]) q.set(k, filters[k]);
  if (offset) q.set('offset', String(offset));
  const search = q.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

/** The filters of a saved list, as form filters. */
export function filtersOfList(list: SavedListData): Filters {
  const f = list.filters;
  return {
    code: f.code ?? '',
    match: f.match ?? 'prefix',
    population: f.population ?? '',
    orgUnitId: f.orgUnitId ?? '',
    registeredBy: f.registeredBy ?? '',
    seenFrom: f.seenFrom ?? '',
    seenTo: f.seenTo ?? '',
    notSeenForDays: f.notSeenForDays ? String(f.notSeenForDays) : '',
    sort: f.sort ?? 'code',
    order: f.order ?? 'asc',
  };
}

/** Only the filters in use (for the request and for saving). */
export function usedFilters(f: Filters): SavedListFilters {
  const out: SavedListFilters = { match: f.match, sort: f.sort, order: f.order };
  if (f.code.trim()) out.code = f.code.trim();
  if (f.population) out.population = f.population;
  if (f.orgUnitId) out.orgUnitId = f.orgUnitId;
  if (f.registeredBy) out.registeredBy = f.registeredBy;
  if (f.seenFrom) out.seenFrom = f.seenFrom;
  if (f.seenTo) out.seenTo = f.seenTo;
  const days = Number.parseInt(f.notSeenForDays, 10);
  if (Number.isInteger(days) && days >= 1 && days <= 3650) out.notSeenForDays = days;
  return out;
}
