import { useState } from 'react';
import { textIn } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Loading, Page, Select } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { territoryName } from '../directory/directory-labels.ts';
import { useDirectoryVocab } from '../directory/use-directory-vocab.ts';
import { CircuitFlow } from './circuit-flow.tsx';
import { caseTypeLabel, posterHref, posterLocaleOf, revisionLine } from './circuit-labels.ts';
import { getCircuit } from './circuits-api.ts';
import './circuits.css';

/** A circuit as a flow of steps, the revision in force (or an earlier one, chosen), and its poster. */
export function CircuitPage({ circuitId }: { circuitId: string }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const vocab = useDirectoryVocab();
  const [revision, setRevision] = useState<number | undefined>(undefined);
  const circuit = useApi(() => getCircuit(circuitId, revision), [circuitId, revision]);
  const c = circuit.data;
  const error = circuit.error ?? vocab.error;
  const back = <Link to="/circuits">{t('circuits.back')}</Link>;
  if (!c) {
    return (
      <Page title={t('circuits.title')} actions={back}>
        {error ? <Alert tone="error">{describeError(i18n, error)}</Alert> : <Loading label={t('app.loading')} />}
      </Page>
    );
  }
  const latest = Math.max(...c.revisions.map((r) => r.number));
  const options = [...c.revisions]
    .sort((a, b) => b.number - a.number)
    .map((r) => ({ value: String(r.number), label: `${t('circuits.revisionOption', { n: r.number, date: i18n.formatDate(r.validatedOn) })}${r.number === latest ? ` ${t('circuits.current')}` : ''}` }));
  const posterLocale = posterLocaleOf('', locale);
  return (
    <Page
      title={textIn(locale, c.title)}
      intro={
        <>
          <bdi>{territoryName(c.territory.name, locale)}</bdi> · {caseTypeLabel(i18n, c.caseType)}
        </>
      }
      actions={
        <>
          {back}
          <Link to={posterHref(c.id, 'A4', posterLocale)}>{t('circuits.poster')}</Link>
          <Link to={posterHref(c.id, 'A3', posterLocale)}>{t('circuits.posterA3')}</Link>
          {c.editable ? <Link to={`/circuits/${encodeURIComponent(c.id)}/revise`}>{t('circuits.revise')}</Link> : null}
        </>
      }
    >
      {error ? <Alert tone="error">{describeError(i18n, error)}</Alert> : null}
      <div className="circ-revision">
        <p className="circ-revision-line">{revisionLine(i18n, c.revision)}</p>
        {c.revisions.length > 1 ? <Select label={t('circuits.revision')} value={String(c.revision.number)} options={options} onChange={(v) => setRevision(Number(v))} /> : null}
      </div>
      {c.revision.number !== latest ? <Alert tone="info">{t('circuits.earlier', { n: latest })}</Alert> : null}
      {c.revision.note ? <p className="muted">{c.revision.note}</p> : null}
      <CircuitFlow steps={c.revision.steps} days={vocab.days} terms={vocab.terms} label={t('circuits.flow')} />
    </Page>
  );
}
