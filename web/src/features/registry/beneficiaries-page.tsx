import { useState } from 'react';
import { listUsers, getRegistrySettings, searchBeneficiaries } from '../../api/endpoints.ts';
import type { BeneficiarySummary, SavedListData } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { useCan, useSession } from '../../app/session.tsx';
import { FilterCard, useFilters } from '../../app/filters.tsx';
import { Pager } from '../../app/pager.tsx';
import { Code, CodeTextField, Page, Select, Table, TextField, type Column } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { indentedLabel } from '../org-units/org-unit-tree.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { populationLabel } from './registry-labels.ts';
import { isolate } from '../../i18n/bidi.ts';
import { SavedLists } from './saved-lists.tsx';
import { PAGE_SIZE, emptyFilters, filtersOfList, fromLocation, matchTypes, orders, sortKeys, toLocation, usedFilters, type Filters } from './beneficiary-filters.ts';

/** Search the registry and working lists: filters, sorting, paging, saved lists. */
export function BeneficiariesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const ctx = useWorkContext();
  const canWrite = useCan('person.write');
  const canReadUsers = useCan('user.read');
  const [initial] = useState(fromLocation);
  const [offset, setOffset] = useState(initial.offset);
  const [activeList, setActiveList] = useState<string | null>(null);
  const { draft, filters, set, apply, clear } = useFilters({
    empty: emptyFilters,
    initial: initial.filters,
    onApplied: () => {
      setOffset(0);
      setActiveList(null);
    },
  });
  const settings = useApi(() => getRegistrySettings(), []);
  const workers = useApi(() => (canReadUsers ? listUsers({ limit: 200 }) : Promise.resolve({ items: [], total: 0 })), [canReadUsers]);
  const results = useApi(() => {
    toLocation(filters, offset);
    return searchBeneficiaries({ ...usedFilters(filters), limit: PAGE_SIZE, offset });
  }, [filters, offset]);

  const openList = (list: SavedListData) => {
    apply(filtersOfList(list));
    setActiveList(list.id);
  };

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
          <Code>{b.code}</Code>
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
          <FilterCard title={t('search.filters')} onApply={apply} onClear={clear}>
              <CodeTextField label={t('search.code')} value={draft.code} onChange={set('code')} className="code-field" autoComplete="off" />
              <Select
                label={t('field.match')}
                value={draft.match}
                options={matchTypes.map((m) => ({ value: m, label: t(`search.match.${m}`) }))}
                onChange={(v) => set('match')(v as Filters['match'])}
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
                onChange={(v) => set('sort')(v as Filters['sort'])}
              />
              <Select
                label={t('field.order')}
                value={draft.order}
                options={orders.map((o) => ({ value: o, label: t(`search.order.${o}`) }))}
                onChange={(v) => set('order')(v as Filters['order'])}
              />
            </FilterCard>
          <ReadStatus of={results} />
          {results.data ? (
            <>
              <Table caption={t('search.title')} columns={columns} rows={results.data.items} rowKey={(b) => b.id} empty={t('common.noResults')} />
              <Pager offset={offset} pageSize={PAGE_SIZE} total={total} capped={results.data.totalCapped} loading={results.loading} onOffset={setOffset} empty={t('search.total', { total })} />
            </>
          ) : null}
        </div>
      </div>
    </Page>
  );
}
