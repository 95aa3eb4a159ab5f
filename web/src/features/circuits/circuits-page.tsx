import { useState } from 'react';
import { textIn } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { Link, navigate } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Alert, Loading, Page, Select } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { territoryName } from '../directory/directory-labels.ts';
import { useDirectoryVocab } from '../directory/use-directory-vocab.ts';
import { caseTypeLabel, revisionLine } from './circuit-labels.ts';
import { listCircuits } from './circuits-api.ts';
import './circuits.css';

/** The care circuits, of a territory or all: title, territory, situation, steps, the revision in force. */
export function CircuitsPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const vocab = useDirectoryVocab();
  const canDraw = useCan('directory.manage');
  const [territory, setTerritory] = useState(() => new URLSearchParams(window.location.search).get('territory') ?? '');
  const circuits = useApi(() => listCircuits({ territory: territory || undefined }), [territory]);
  const choose = (code: string) => {
    setTerritory(code);
    navigate(code ? `/circuits?territory=${encodeURIComponent(code)}` : '/circuits', { replace: true });
  };
  const error = circuits.error ?? vocab.error;
  return (
    <Page title={t('circuits.title')} intro={t('circuits.intro')} actions={canDraw ? <Link to="/circuits/new">{t('circuits.new')}</Link> : null}>
      <div className="circ-filter">
        <Select label={t('field.territory')} value={territory} onChange={choose} options={[{ value: '', label: t('circuits.anyTerritory') }, ...vocab.territoryOptions]} />
      </div>
      {error ? <Alert tone="error">{describeError(i18n, error)}</Alert> : null}
      {circuits.loading && !circuits.data ? <Loading label={t('app.loading')} /> : null}
      {circuits.data && circuits.data.items.length === 0 ? <p>{t('circuits.none')}</p> : null}
      {circuits.data?.items.length ? (
        <ul className="card-grid card-grid-wide" aria-label={t('circuits.list')}>
          {circuits.data.items.map((c) => {
            const title = textIn(locale, c.title);
            return (
              <li key={c.id} className="card circ-card">
                <h2 className="circ-card-title">
                  <Link to={`/circuits/${encodeURIComponent(c.id)}`} aria-label={t('circuits.open', { title })}>
                    <bdi>{title}</bdi>
                  </Link>
                </h2>
                <p className="muted">
                  <bdi>{territoryName(c.territory.name, locale)}</bdi> · {caseTypeLabel(i18n, c.caseType)} · {t('circuits.steps', { n: c.steps })}
                </p>
                <p className="small">{revisionLine(i18n, c.revision)}</p>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Page>
  );
}
