import { useState } from 'react';
import { listCases, type CaseSummaryData } from '../../api/cases.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Checkbox, Code, Page, Select, Table, type Column } from '../../ui/index.ts';
import { FilterCard, useFilters } from '../../app/filters.tsx';
import { Pager } from '../../app/pager.tsx';
import { ReadStatus } from '../../app/read-status.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { UrgencyChips } from './urgency-chips.tsx';
import { vocab, wallClock } from './case-labels.ts';

const PAGE_SIZE = 25;

interface Filters {
  program: string;
  status: 'open' | 'closed' | 'any';
  scope: 'mine' | 'all';
  urgentOnly: boolean;
}
const emptyFilters: Filters = { program: '', status: 'open', scope: 'all', urgentOnly: false };

/** "Mes dossiers": the cases of her team and units, most urgent first, with why each is urgent. */
export function CasesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const [offset, setOffset] = useState(0);
  const { draft, filters, set, apply, clear } = useFilters({ empty: emptyFilters, onApplied: () => setOffset(0) });
  const results = useApi(
    () =>
      listCases({
        scope: filters.scope,
        status: filters.status,
        program: filters.program || undefined,
        urgentOnly: filters.urgentOnly || undefined,
        limit: PAGE_SIZE,
        offset,
      }),
    [filters, offset],
  );

  const locale = intlTag(i18n.locale);

  const columns: Column<CaseSummaryData>[] = [
    {
      key: 'code',
      header: t('cases.col.person'),
      render: (c) => (
        <Link to={`/cases/${c.id}`} aria-label={t('cases.openCaseOf', { code: c.beneficiary.code })}>
          <Code>{c.beneficiary.code}</Code>
        </Link>
      ),
    },
    { key: 'program', header: t('field.program'), render: (c) => vocab(i18n, 'program', c.program) },
    { key: 'unit', header: t('field.orgUnitId'), render: (c) => <bdi>{c.orgUnit.name}</bdi> },
    { key: 'worker', header: t('field.caseWorkerId'), render: (c) => <bdi>{c.caseWorker.displayName}</bdi> },
    { key: 'openedAt', header: t('cases.col.openedAt'), render: (c) => wallClock(locale, c.openedAt) },
    {
      key: 'urgency',
      header: t('cases.col.urgency'),
      render: (c) =>
        c.status === 'closed' ? (
          <span className="tag tag-off">{t('cases.closedOn', { date: wallClock(locale, c.closedOn ?? '') })}</span>
        ) : c.urgency.length ? (
          <UrgencyChips summary={c} />
        ) : (
          <span className="muted">{t('cases.noUrgency')}</span>
        ),
    },
  ];

  const total = results.data?.total ?? 0;
  return (
    <Page title={t('cases.title')} intro={t('cases.intro')}>
      <div className="stack">
        <FilterCard title={t('search.filters')} onApply={apply} onClear={clear}>
            <Select
              label={t('field.program')}
              value={draft.program}
              options={[{ value: '', label: t('common.allPrograms') }, ...ctx.enabledPrograms.map((p) => ({ value: p, label: t(`program.${p}`) }))]}
              onChange={set('program')}
            />
            <Select
              label={t('field.status')}
              value={draft.status}
              options={[
                { value: 'open', label: t('case_status.open') },
                { value: 'closed', label: t('case_status.closed') },
                { value: 'any', label: t('cases.anyStatus') },
              ]}
              onChange={(v) => set('status')(v === 'closed' ? 'closed' : v === 'any' ? 'any' : 'open')}
            />
            <Select
              label={t('cases.scope')}
              value={draft.scope}
              options={[
                { value: 'all', label: t('cases.scope.all') },
                { value: 'mine', label: t('cases.scope.mine') },
              ]}
              onChange={(v) => set('scope')(v === 'mine' ? 'mine' : 'all')}
            />
            <Checkbox label={t('cases.urgentOnly')} checked={draft.urgentOnly} onChange={set('urgentOnly')} />
          </FilterCard>
        <ReadStatus of={results} />
        {results.data ? (
          <>
            <Table caption={t('cases.title')} columns={columns} rows={results.data.items} rowKey={(c) => c.id} empty={t('cases.none')} />
            {total > 0 ? (
              <Pager offset={offset} pageSize={PAGE_SIZE} total={total} capped={results.data.totalCapped} loading={results.loading} onOffset={setOffset} />
            ) : null}
          </>
        ) : null}
      </div>
    </Page>
  );
}
