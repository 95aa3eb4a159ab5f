import { useState, type FormEvent } from 'react';
import { listUsers, listSavedLists, createSavedList, deleteSavedList, getRegistrySettings, searchBeneficiaries } from '../../api/endpoints.ts';
import type { BeneficiarySummary, SavedListData, SavedListFilters } from '../../api/endpoints.ts';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { useCan, useSession } from '../../app/session.tsx';
import { Alert, Button, Card, Checkbox, Loading, Page, Select, Table, TextField, type Column } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { describeError, fieldErrorsOfError } from '../../i18n/errors.ts';
import { indentedLabel } from '../org-units/org-unit-tree.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { populationLabel } from './registry-labels.ts';
import { isolate } from '../../i18n/bidi.ts';

const PAGE_SIZE = 25;
const matchTypes = ['prefix', 'exact', 'fuzzy'] as const;
const sortKeys = ['code', 'registered_on', 'last_seen_on'] as const;
const orders = ['asc', 'desc'] as const;

/** The search filters as the form holds them ('' = no filter). */
interface Filters {
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

const emptyFilters: Filters = { code: '', match: 'prefix', population: '', orgUnitId: '', registeredBy: '', seenFrom: '', seenTo: '', notSeenForDays: '', sort: 'code', order: 'asc' };
const filterKeys = Object.keys(emptyFilters) as (keyof Filters)[];

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Filters and page from the address (so "back" from a record returns to the same list). */
function fromLocation(): { filters: Filters; offset: number } {
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

function toLocation(filters: Filters, offset: number): void {
  const q = new URLSearchParams();
  for (const k of filterKeys) if (filters[k] !== '' && filters[k] !== emptyFilters[k]) q.set(k, filters[k]);
  if (offset) q.set('offset', String(offset));
  const search = q.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

/** The filters of a saved list, as form filters. */
function filtersOfList(list: SavedListData): Filters {
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
function usedFilters(f: Filters): SavedListFilters {
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

/** Search the registry and working lists: filters, sorting, paging, saved lists. */
export function BeneficiariesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const ctx = useWorkContext();
  const canWrite = useCan('person.write');
  const canReadUsers = useCan('user.read');
  const [initial] = useState(fromLocation);
  const [draft, setDraft] = useState<Filters>(initial.filters);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [offset, setOffset] = useState(initial.offset);
  const [activeList, setActiveList] = useState<string | null>(null);
  const settings = useApi(() => getRegistrySettings(), []);
  const workers = useApi(() => (canReadUsers ? listUsers({ limit: 200 }) : Promise.resolve({ items: [], total: 0 })), [canReadUsers]);
  const results = useApi(() => {
    toLocation(filters, offset);
    return searchBeneficiaries({ ...usedFilters(filters), limit: PAGE_SIZE, offset });
  }, [filters, offset]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ ...draft });
    setOffset(0);
    setActiveList(null);
  };
  const clear = () => {
    setDraft(emptyFilters);
    setFilters(emptyFilters);
    setOffset(0);
    setActiveList(null);
  };
  const openList = (list: SavedListData) => {
    const f = filtersOfList(list);
    setDraft(f);
    setFilters(f);
    setOffset(0);
    setActiveList(list.id);
  };
  const set = <K extends keyof Filters>(key: K) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const populations = settings.data?.populations ?? [];
  const shortDate = new Intl.DateTimeFormat(intlTag(i18n.locale), { dateStyle: 'medium', timeZone: 'UTC' });
  const workerOptions = [
    { value: '', label: t('search.anyWorker') },
    { value: me.user.id, label: t('search.me', { name: isolate(me.user.displayName) }) },
    ...(workers.data?.items ?? []).filter((u) => u.id !== me.user.id).map((u) => ({ value: u.id, label: u.displayName })),
  ];

  const columns: Column<BeneficiarySummary>[] = [
    {
      key: 'code',
      header: t('search.code'),
      render: (b) => (
        <Link to={`/beneficiaries/${b.id}`}>
          <code className="code" dir="ltr">
            {b.code}
          </code>
        </Link>
      ),
    },
    { key: 'populations', header: t('field.populations'), render: (b) => b.populations.map((p) => populationLabel(i18n, p)).join(', ') },
    { key: 'sex', header: t('search.sexAndYear'), render: (b) => (b.birthYear === null ? t(`sex.${b.sex}`) : t('search.sexYear', { sex: t(`sex.${b.sex}`), year: b.birthYear })) },
    { key: 'unit', header: t('record.registeredUnit'), render: (b) => <bdi>{b.registeredUnit.name}</bdi> },
    { key: 'by', header: t('field.registeredBy'), render: (b) => (b.registeredBy ? <bdi>{b.registeredBy.displayName}</bdi> : '—') },
    { key: 'registeredOn', header: t('field.registeredOn'), render: (b) => shortDate.format(new Date(b.registeredOn)) },
    { key: 'lastSeen', header: t('record.lastSeen'), render: (b) => shortDate.format(new Date(b.lastSeenOn)) },
    ...(filters.match === 'fuzzy'
      ? [{ key: 'score', header: t('search.score'), render: (b: BeneficiarySummary) => (b.score === undefined ? '—' : `${Math.round(b.score * 100)} %`) }]
      : []),
  ];

  const total = results.data?.total ?? 0;
  return (
    <Page
      title={t('search.title')}
      intro={t('search.intro')}
      actions={
        canWrite ? (
          <Link to="/beneficiaries/new" className="btn btn-primary">
            {t('shell.register')}
          </Link>
        ) : undefined
      }
    >
      <div className="with-aside">
        <aside className="stack" aria-label={t('lists.title')}>
          <SavedLists activeId={activeList} onOpen={openList} current={filters} ownerId={me.user.id} />
        </aside>
        <div className="stack">
          <Card title={t('search.filters')}>
            <form className="filters" role="search" onSubmit={apply}>
              <TextField
                label={t('search.code')}
                value={draft.code}
                onChange={set('code')}
                dir="ltr"
                className="code-field"
                autoCapitalize="characters"
                autoComplete="off"
                spellCheck={false}
              />
              <Select
                label={t('field.match')}
                value={draft.match}
                options={matchTypes.map((m) => ({ value: m, label: t(`search.match.${m}`) }))}
                onChange={set('match')}
              />
              <Select
                label={t('field.population')}
                value={draft.population}
                options={[{ value: '', label: t('search.anyPopulation') }, ...populations.map((p) => ({ value: p, label: populationLabel(i18n, p) }))]}
                onChange={set('population')}
              />
              <Select
                label={t('field.orgUnitId')}
                value={draft.orgUnitId}
                options={[{ value: '', label: t('search.anyUnit') }, ...ctx.units.map((n) => ({ value: n.unit.id, label: indentedLabel(n) }))]}
                onChange={set('orgUnitId')}
              />
              <Select label={t('field.registeredBy')} value={draft.registeredBy} options={workerOptions} onChange={set('registeredBy')} />
              <TextField label={t('field.seenFrom')} type="date" value={draft.seenFrom} onChange={set('seenFrom')} />
              <TextField label={t('field.seenTo')} type="date" value={draft.seenTo} onChange={set('seenTo')} />
              <TextField
                label={t('search.notSeenForDays')}
                value={draft.notSeenForDays}
                onChange={set('notSeenForDays')}
                inputMode="numeric"
                maxLength={4}
                dir="ltr"
              />
              <Select
                label={t('field.sort')}
                value={draft.sort}
                options={sortKeys.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
                onChange={set('sort')}
              />
              <Select
                label={t('field.order')}
                value={draft.order}
                options={orders.map((o) => ({ value: o, label: t(`search.order.${o}`) }))}
                onChange={set('order')}
              />
              <div className="form-actions">
                <Button type="submit" variant="primary">
                  {t('common.search')}
                </Button>
                <Button onClick={clear}>{t('auditLog.clear')}</Button>
              </div>
            </form>
          </Card>
          {results.error ? <Alert tone="error">{describeError(i18n, results.error)}</Alert> : null}
          {results.loading && !results.data ? <Loading label={t('app.loading')} /> : null}
          {results.data ? (
            <>
              <Table caption={t('search.title')} columns={columns} rows={results.data.items} rowKey={(b) => b.id} empty={t('common.noResults')} />
              <nav className="pager" aria-label={t('common.pagination')}>
                <Button size="small" disabled={offset === 0 || results.loading} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                  {t('common.previous')}
                </Button>
                <span aria-live="polite">
                  {total === 0 ? t('search.total', { total }) : t('common.pageInfo', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total), total })}
                </span>
                <Button size="small" disabled={offset + PAGE_SIZE >= total || results.loading} onClick={() => setOffset(offset + PAGE_SIZE)}>
                  {t('common.next')}
                </Button>
              </nav>
            </>
          ) : null}
        </div>
      </div>
    </Page>
  );
}

/** Built-in and own working lists; save the current filters as a list; delete one's own. */
function SavedLists({ activeId, onOpen, current, ownerId }: {
  activeId: string | null;
  onOpen: (list: SavedListData) => void;
  current: Filters;
  ownerId: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const lists = useApi(() => listSavedLists(), []);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!name.trim()) {
      setNameError(t('validation.required', { field: t('lists.name') }));
      return;
    }
    setNameError(undefined);
    setBusy('save');
    try {
      const list = await createSavedList({ id: newId(), name: name.trim(), filters: usedFilters(current), shared });
      lists.setData({ items: [...(lists.data?.items ?? []), list] });
      setName('');
      setShared(false);
      setMessage({ tone: 'success', text: t('lists.saved', { name: list.name }) });
    } catch (error) {
      setNameError(fieldErrorsOfError(i18n, error).name);
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(null);
    }
  };

  const remove = async (list: SavedListData) => {
    setMessage(null);
    setBusy(list.id);
    try {
      await deleteSavedList(list.id);
      lists.setData({ items: (lists.data?.items ?? []).filter((l) => l.id !== list.id) });
      setMessage({ tone: 'success', text: t('lists.deleted', { name: list.name }) });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(null);
    }
  };

  const items = lists.data?.items ?? [];
  const builtIn = items.filter((l) => l.builtIn);
  const mine = items.filter((l) => !l.builtIn);
  const row = (l: SavedListData) => (
    <li key={l.id} className="saved-list">
      <button type="button" className={['list-link', l.id === activeId ? 'list-link-active' : ''].filter(Boolean).join(' ')} aria-current={l.id === activeId ? 'true' : undefined} onClick={() => onOpen(l)}>
        <span dir="auto">{l.name}</span>
        {l.shared && !l.builtIn ? <span className="tag tag-off">{t('lists.sharedTag')}</span> : null}
      </button>
      {!l.builtIn && l.ownerId === ownerId ? (
        <Button size="small" variant="ghost" busy={busy === l.id} aria-label={t('lists.deleteOf', { name: l.name })} onClick={() => void remove(l)}>
          {t('lists.delete')}
        </Button>
      ) : null}
    </li>
  );

  return (
    <Card title={t('lists.title')}>
      {lists.error ? <Alert tone="error">{describeError(i18n, lists.error)}</Alert> : null}
      {lists.loading && !lists.data ? <Loading label={t('app.loading')} /> : null}
      {builtIn.length ? (
        <>
          <h3 className="subheading">{t('lists.builtIn')}</h3>
          <ul className="plain-list">{builtIn.map(row)}</ul>
        </>
      ) : null}
      <h3 className="subheading">{t('lists.mine')}</h3>
      {mine.length ? <ul className="plain-list">{mine.map(row)}</ul> : <p className="muted small">{t('lists.none')}</p>}
      <form className="form save-list" onSubmit={save} noValidate>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <TextField label={t('lists.name')} value={name} onChange={setName} error={nameError} maxLength={100} />
        <Checkbox label={t('lists.shared')} hint={t('lists.sharedHint')} checked={shared} onChange={setShared} />
        <Button type="submit" busy={busy === 'save'}>
          {t('lists.saveCurrent')}
        </Button>
      </form>
    </Card>
  );
}
