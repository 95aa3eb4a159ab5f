import { useState, type FormEvent } from 'react';
import { listCases, type CaseSummaryData } from '../../api/cases.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Button, Card, Checkbox, Loading, Page, Select, Table, type Column } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
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
  const [draft, setDraft] = useState<Filters>(emptyFilters);
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  const [offset, setOffset] = useState(0);
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

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ ...draft });
    setOffset(0);
  };
  const clear = () => {
    setDraft(emptyFilters);
    setFilters(emptyFilters);
    setOffset(0);
  };
  const set = <K extends keyof Filters>(key: K) => (value: Filters[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const locale = intlTag(i18n.locale);

  const columns: Column<CaseSummaryData>[] = [
    {
      key: 'code',
      header: t('cases.col.person'),
      render: (c) => (
        <Link to={`/cases/${c.id}`} aria-label={t('cases.openCaseOf', { code: c.beneficiary.code })}>
          <code className="code" dir="ltr">
            {c.beneficiary.code}
          </code>
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
        <Card title={t('search.filters')}>
          <form className="filters" role="search" onSubmit={apply}>
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
            <Table caption={t('cases.title')} columns={columns} rows={results.data.items} rowKey={(c) => c.id} empty={t('cases.none')} />
            {total > 0 ? (
              <nav className="pager" aria-label={t('common.pagination')}>
                <Button size="small" disabled={offset === 0 || results.loading} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                  {t('common.previous')}
                </Button>
                <span aria-live="polite">
                  {t(results.data.totalCapped ? 'common.pageInfoMore' : 'common.pageInfo', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total), total })}
                </span>
                <Button size="small" disabled={offset + PAGE_SIZE >= total || results.loading} onClick={() => setOffset(offset + PAGE_SIZE)}>
                  {t('common.next')}
                </Button>
              </nav>
            ) : null}
          </>
        ) : null}
      </div>
    </Page>
  );
}
