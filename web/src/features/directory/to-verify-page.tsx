import { useState } from 'react';
import { getDirectorySettings, listToVerify, type ToVerifyData } from '../../api/directory.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Card, Page, Select, Table, type Column } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ReadStatus } from '../../app/read-status.tsx';
import { dirVocab } from './directory-labels.ts';
import { useDirectoryVocab } from './use-directory-vocab.ts';
import { MutedAside } from './service-card.tsx';

/** The worklist of stale entries she may edit (her territories', her organisation's): each opens its service to verify. */
export function ToVerifyPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const vocab = useDirectoryVocab();
  const [territory, setTerritory] = useState(() => new URLSearchParams(window.location.search).get('territory') ?? '');
  const settings = useApi(() => getDirectorySettings(), []);
  const list = useApi(() => listToVerify(territory || undefined), [territory]);
  const choose = (code: string) => {
    setTerritory(code);
    window.history.replaceState(null, '', code ? `/directory/to-verify?territory=${encodeURIComponent(code)}` : '/directory/to-verify');
  };

  const columns: Column<ToVerifyData>[] = [
    {
      key: 'name',
      header: t('directory.toVerify.entry'),
      render: (e) =>
        e.serviceId ? (
          <Link to={`/directory/services/${encodeURIComponent(e.serviceId)}`} aria-label={t('directory.toVerify.open', { name: e.name })}>
            <bdi>{e.name}</bdi>
          </Link>
        ) : (
          <bdi>{e.name}</bdi>
        ),
    },
    { key: 'resource', header: t('field.resource'), render: (e) => dirVocab(i18n, 'resource', e.resource) },
    { key: 'organization', header: t('directory.resource.organization'), render: (e) => <bdi>{e.organizationName}</bdi> },
    {
      key: 'verifiedAt',
      header: t('directory.toVerify.lastVerified'),
      render: (e) =>
        e.verifiedAt ? (
          <>
            {i18n.formatDate(e.verifiedAt)}
            <MutedAside text={e.verifiedBy} />
          </>
        ) : (
          <span className="muted">{t('directory.toVerify.never')}</span>
        ),
    },
  ];

  const months = settings.data?.staleAfterMonths;
  return (
    <Page
      title={t('directory.toVerify.title')}
      intro={months ? t('directory.toVerify.intro', { months }) : undefined}
      actions={<Link to="/directory">{t('directory.service.back')}</Link>}
    >
      <div className="stack">
        <Card>
          <div className="filters">
            <Select
              label={t('field.territory')}
              value={territory}
              options={[{ value: '', label: t('directory.anyTerritory') }, ...vocab.territoryOptions]}
              onChange={choose}
            />
          </div>
        </Card>
        <ReadStatus of={list} />
        {list.data ? (
          <Table caption={t('directory.toVerify.title')} columns={columns} rows={list.data.items} rowKey={(e) => `${e.resource}-${e.id}`} empty={t('directory.toVerify.none')} />
        ) : null}
      </div>
    </Page>
  );
}
