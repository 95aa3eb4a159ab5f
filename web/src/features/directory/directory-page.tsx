import { useState, type FormEvent } from 'react';
import { serviceLanguages } from '@relais/core';
import { searchServices } from '../../api/directory.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Pager } from '../../app/pager.tsx';
import { useCan } from '../../app/session.tsx';
import { Alert, Button, Card, Checkbox, Page, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ReadStatus } from '../../app/read-status.tsx';
import { describeError } from '../../i18n/errors.ts';
import { dirVocab, termLabel } from './directory-labels.ts';
import { DirectoryMapSection } from './directory-map.tsx';
import { ServiceCard } from './service-card.tsx';
import { useDirectoryVocab, type DirectoryVocab } from './use-directory-vocab.ts';
import './directory.css';

const PAGE_SIZE = 20;

interface Filters {
  need: string;
  territory: string;
  language: string;
  openNow: boolean;
  q: string;
}

type View = 'list' | 'map';

const viewOfUrl = (): View => (new URLSearchParams(window.location.search).get('view') === 'map' ? 'map' : 'list');

/** The filters of the address bar (so that coming back from a service finds the same search). */
function filtersOfUrl(): Filters {
  const p = new URLSearchParams(window.location.search);
  return { need: p.get('need') ?? '', territory: p.get('territory') ?? '', language: p.get('language') ?? '', openNow: p.get('openNow') === 'true', q: p.get('q') ?? '' };
}

function urlOf(f: Filters, view: View): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) if (value) p.set(key, String(value));
  if (view === 'map') p.set('view', 'map');
  const query = p.toString();
  return query ? `/directory?${query}` : '/directory';
}

const apiFilters = (f: Filters) => ({ need: f.need || undefined, territory: f.territory || undefined, language: f.language || undefined, openNow: f.openNow, q: f.q.trim() || undefined });

/** The directory: search by need, territory, language, open now or free text; the services as cards or on a map. */
export function DirectoryPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const vocab = useDirectoryVocab();
  const canAdd = useCan('directory.write');
  const [draft, setDraft] = useState<Filters>(filtersOfUrl);
  const [filters, setFilters] = useState<Filters>(filtersOfUrl);
  const [view, setView] = useState<View>(viewOfUrl);
  const show = (next: Filters, nextView: View = view) => {
    setFilters(next);
    setView(nextView);
    window.history.replaceState(null, '', urlOf(next, nextView));
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    show({ ...draft });
  };
  const clear = () => {
    const empty = { need: '', territory: '', language: '', openNow: false, q: '' };
    setDraft(empty);
    show(empty);
  };
  const set = <K extends keyof Filters>(key: K) => (value: Filters[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <Page title={t('directory.title')} intro={t('directory.intro')} actions={canAdd ? <Link to="/directory/new">{t('directory.add')}</Link> : null}>
      <div className="stack">
        <Card title={t('search.filters')}>
          <form className="filters dir-filters" role="search" onSubmit={apply}>
            <TextField label={t('directory.q')} type="search" className="dir-filters-wide" value={draft.q} onChange={set('q')} />
            <Select label={t('field.need')} value={draft.need} options={[{ value: '', label: t('directory.anyNeed') }, ...vocab.termOptions]} onChange={set('need')} />
            <Select
              label={t('field.territory')}
              value={draft.territory}
              options={[{ value: '', label: t('directory.anyTerritory') }, ...vocab.territoryOptions]}
              onChange={set('territory')}
            />
            <Select
              label={t('field.languages')}
              className="dir-filters-wide"
              value={draft.language}
              options={[{ value: '', label: t('directory.anyLanguage') }, ...serviceLanguages.map((l) => ({ value: l, label: dirVocab(i18n, 'language', l) }))]}
              onChange={set('language')}
            />
            <Checkbox label={t('directory.openNowOnly')} checked={draft.openNow} onChange={set('openNow')} />
            <div className="form-actions">
              <Button type="submit" variant="primary">
                {t('common.search')}
              </Button>
              <Button onClick={clear}>{t('directory.clear')}</Button>
            </div>
          </form>
          <p className="dir-print-link">
            {filters.territory ? (
              <Link to={`/directory/print?territory=${encodeURIComponent(filters.territory)}`}>{t('directory.print')}</Link>
            ) : (
              <span className="muted">{t('directory.printHint')}</span>
            )}
          </p>
        </Card>
        {vocab.error ? <Alert tone="error">{describeError(i18n, vocab.error)}</Alert> : null}
        <div role="group" aria-label={t('directory.view')} className="dir-view-switch">
          {(['list', 'map'] as const).map((v) => (
            <Button key={v} aria-pressed={view === v} variant={view === v ? 'primary' : 'secondary'} onClick={() => show(filters, v)}>
              {t(v === 'list' ? 'directory.view.list' : 'directory.view.map')}
            </Button>
          ))}
        </div>
        {view === 'map' ? <DirectoryMapSection filters={apiFilters(filters)} vocab={vocab} /> : <ListResults key={JSON.stringify(filters)} filters={filters} vocab={vocab} />}
      </div>
    </Page>
  );
}

/** The services found, as cards, a page at a time (a new search starts at the first page: the parent keys it by the filters). */
function ListResults({ filters, vocab }: { filters: Filters; vocab: DirectoryVocab }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [offset, setOffset] = useState(0);
  const results = useApi(() => searchServices({ ...apiFilters(filters), limit: PAGE_SIZE, offset }), [filters, offset]);
  const data = results.data;
  return (
    <>
      <ReadStatus of={results} />
      {data ? (
        <section aria-labelledby="dir-results" aria-busy={results.loading || undefined}>
          <h2 id="dir-results" className="section-title">
            {t('directory.results')}
          </h2>
          {data.items.length ? (
            <ul className="dir-cards">
              {data.items.map((s) => (
                <ServiceCard key={s.id} s={s} typeLabel={termLabel(vocab.terms, s.serviceType, i18n.locale)} days={vocab.days} />
              ))}
            </ul>
          ) : null}
          <Pager offset={offset} pageSize={PAGE_SIZE} total={data.total} capped={data.totalCapped} loading={results.loading} onOffset={setOffset} empty={t('directory.none')} />
        </section>
      ) : null}
    </>
  );
}
