import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { Alert, Button, Card } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ostEpisodesOf, type OstEpisodeData } from './harm-reduction-api.ts';
import { OstDoseForm, OstEndForm, OstEntryForm } from './ost-forms.tsx';
import './harm-reduction.css';

type Editing = 'enter' | 'dose' | 'end' | null;

/**
 * "Traitement de substitution" on a person's record (ADR 0029): her OST episodes, newest first,
 * each with its unit, prescriber, dose history and how it ended; entering her on treatment (or
 * back after an interruption), changing the dose, ending the open episode.
 */
export function PersonOst({ beneficiaryId, code, canWrite }: { beneficiaryId: string; code: string; canWrite: boolean }) {
  const { t } = useI18n();
  const episodes = useApi(() => ostEpisodesOf(beneficiaryId), [beneficiaryId]);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = [...(episodes.data?.items ?? [])].reverse();
  const open = items.find((e) => e.endDate === null) ?? null;
  const saved = (text: string) => () => {
    setEditing(null);
    setNotice(text);
    episodes.reload();
  };
  const start = (what: Editing) => () => {
    setNotice(null);
    setEditing(what);
  };
  const actions =
    canWrite && episodes.data && editing === null ? (
      open ? (
        <>
          <Button onClick={start('dose')}>{t('ostForm.changeDose')}</Button>
          <Button variant="danger" onClick={start('end')}>{t('ostForm.end')}</Button>
        </>
      ) : (
        <Button variant="primary" onClick={start('enter')}>{t(items.length ? 'ostForm.reenter' : 'ostForm.enter')}</Button>
      )
    ) : undefined;
  return (
    <Card title={t('ostForm.title')} className="person-ost" footer={actions}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ReadStatus of={episodes} />
      {episodes.data && items.length === 0 ? <p className="muted">{t('ostForm.none')}</p> : null}
      {items.length ? (
        <ul className="item-list" aria-label={t('ostForm.title')}>
          {items.map((e) => (
            <EpisodeItem key={e.id} episode={e} />
          ))}
        </ul>
      ) : null}
      {editing === 'enter' ? <OstEntryForm beneficiaryId={beneficiaryId} code={code} isReentry={items.length > 0} onCancel={() => setEditing(null)} onSaved={saved(t('ostForm.entered'))} /> : null}
      {editing === 'dose' && open ? <OstDoseForm episode={open} onCancel={() => setEditing(null)} onSaved={saved(t('ostForm.doseChanged'))} /> : null}
      {editing === 'end' && open ? <OstEndForm episode={open} onCancel={() => setEditing(null)} onSaved={saved(t('ostForm.ended'))} /> : null}
    </Card>
  );
}

/** One episode: since when (until when and why), where, who prescribed, the doses from newest. */
function EpisodeItem({ episode: e }: { episode: OstEpisodeData }) {
  const i18n = useI18n();
  const { t } = i18n;
  const current = e.doses.at(-1);
  return (
    <li className="item ost-episode" data-open={e.endDate === null}>
      <div>
        <p>
          <strong>
            {e.endDate === null
              ? t('ostForm.since', { date: i18n.formatDate(e.startDate) })
              : t('ostForm.between', { from: i18n.formatDate(e.startDate), to: i18n.formatDate(e.endDate) })}
          </strong>{' '}
          {e.endDate === null ? <span className="tag tag-ok">{t('ostForm.onTreatment')}</span> : <span className="tag tag-off">{e.endReason ? t(`ost_end.${e.endReason}`) : ''}</span>}
          {e.isReentry ? <> <span className="tag tag-info">{t('ostForm.reentry')}</span></> : null}
        </p>
        <p className="muted small">
          <bdi>{e.orgUnit.name}</bdi> · {t('ostForm.prescribedBy', { name: e.prescriber })}
        </p>
        {current ? <p className="ost-dose-now">{t('ostForm.doseNow', { dose: current.doseMg })}</p> : null}
        {e.doses.length > 1 ? (
          <ul className="plain-list muted small" aria-label={t('ostForm.doseHistory')}>
            {[...e.doses].reverse().map((d) => (
              <li key={d.fromDate}>{t('ostForm.doseFrom', { dose: d.doseMg, date: i18n.formatDate(d.fromDate) })}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}
