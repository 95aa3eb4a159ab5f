import { useState, type FormEvent } from 'react';
import { listUsers, getRegistrySettings, searchBeneficiaries } from '../../api/endpoints.ts';
import type { BeneficiarySummary, SavedListData } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { useCan, useSession } from '../../app/session.tsx';
import { Pager } from '../../app/pager.tsx';
import { Alert, Button, Card, Loading, Page, Select, Table, TextField, type Column } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
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
              <Pager offset={offset} pageSize={PAGE_SIZE} total={total} capped={results.data.totalCapped} loading={results.loading} onOffset={setOffset} empty={t('search.total', { total })} />
            </>
          ) : null}
        </div>
      </div>
    </Page>
  );
}
