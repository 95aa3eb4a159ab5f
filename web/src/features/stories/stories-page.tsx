import { listStories, type StorySummaryData } from '../../api/stories.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Code, Page, Table, type Column } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { vocab } from '../cases/case-labels.ts';
import { consentInForce, dateIn } from './story-labels.ts';

/** The stories she may read, newest first (no text: reading one opens it, and is audited). */
export function StoriesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const results = useApi(() => listStories({ limit: 200 }), []);
  const date = dateIn(intlTag(i18n.locale));
  const columns: Column<StorySummaryData>[] = [
    {
      key: 'code',
      header: t('stories.col.person'),
      render: (s) => (
        <Link to={`/stories/${s.id}`} aria-label={t('stories.openStoryOf', { code: s.beneficiary.code })}>
          <Code>{s.beneficiary.code}</Code>
        </Link>
      ),
    },
    { key: 'domain', header: t('field.domain'), render: (s) => vocab(i18n, 'change_domain', s.domain) },
    { key: 'collectedOn', header: t('field.collectedOn'), render: (s) => date(s.collectedOn) },
    { key: 'unit', header: t('field.orgUnitId'), render: (s) => <bdi>{s.orgUnit.name}</bdi> },
    { key: 'consent', header: t('stories.col.consent'), render: (s) => consentInForce(i18n, s, date) },
  ];
  return (
    <Page title={t('stories.title')} intro={t('stories.intro')} actions={<Link to="/change-rounds">{t('stories.rounds.link')}</Link>}>
      <ReadStatus of={results} />
      {results.data ? <Table caption={t('stories.title')} columns={columns} rows={results.data.items} rowKey={(s) => s.id} empty={t('stories.none')} /> : null}
    </Page>
  );
}
