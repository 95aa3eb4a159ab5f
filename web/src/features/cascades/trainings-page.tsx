import { useState } from 'react';
import { programCodes } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { ReadStatus } from '../../app/read-status.tsx';
import { Page, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { programLabel } from '../../i18n/labels.ts';
import { listTrainings } from './cascades-api.ts';
import { trainingDates } from './cascade-labels.ts';
import './cascades.css';

/** The trainings, newest first: kind, theme, dates, unit, attendance and what each produced. */
export function TrainingsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const canWrite = useCan('service.write');
  const [program, setProgram] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const list = useApi(() => listTrainings({ program: program || undefined, from: from || undefined, to: to || undefined, limit: 100 }), [program, from, to]);
  return (
    <Page title={t('cascades.title')} intro={t('cascades.intro')} actions={canWrite ? <Link to="/trainings/new">{t('cascades.new')}</Link> : null}>
      <div className="casc-filters">
        <Select
          label={t('field.program')}
          value={program}
          onChange={setProgram}
          options={[{ value: '', label: t('cascades.anyProgram') }, ...programCodes.map((p) => ({ value: p, label: programLabel(t, p) }))]}
        />
        <TextField label={t('cascades.from')} type="date" value={from} onChange={setFrom} />
        <TextField label={t('cascades.to')} type="date" value={to} onChange={setTo} />
      </div>
      <ReadStatus of={list} />
      {list.data && list.data.items.length === 0 ? <p>{t('cascades.none')}</p> : null}
      {list.data?.items.length ? (
        <ul className="card-grid card-grid-wide" aria-label={t('cascades.list')}>
          {list.data.items.map((tr) => (
            <li key={tr.id} className="card casc-card">
              <h2 className="casc-card-title">
                <Link to={`/trainings/${encodeURIComponent(tr.id)}`} aria-label={t('cascades.open', { theme: tr.theme })}>
                  <bdi>{tr.theme}</bdi>
                </Link>
              </h2>
              <p className="muted">
                {t(`training_kind.${tr.kind}`)} · {programLabel(t, tr.program)}
              </p>
              <p>
                {trainingDates(i18n, tr)} · <bdi>{tr.orgUnit.name}</bdi>
              </p>
              {tr.ledBy ? <p className="small">{t('cascades.ledBy', { name: tr.ledBy.name })}</p> : null}
              <p className="small">{t('cascades.attended', { attended: tr.attended, enrolled: tr.enrolled })}</p>
              <p className="small">{t('cascades.produced', { sessions: tr.sessions, sensitised: tr.sensitised })}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
