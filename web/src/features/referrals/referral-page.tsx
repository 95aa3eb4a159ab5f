import { useEffect, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { LoadedPage } from '../../app/read-status.tsx';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Alert, Card, Fact, Page } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { vocab } from '../cases/case-labels.ts';
import { receiverName } from './referral-labels.ts';
import { getReferral, type ReferralData } from './referrals-api.ts';
import { ReferralActions } from './referral-actions.tsx';
import { ReferralFeedback } from './referral-feedback.tsx';
import { ReferralOwnRecord } from './referral-link.tsx';
import { StatusTags } from './status-tags.tsx';
import './referrals.css';

/** A referral as its reader may see it: its facts, the person's shared fields, the outcome, the steps it may take next and its history. */
export function ReferralPage({ referralId }: { referralId: string }) {
  const { t } = useI18n();
  const referral = useApi(() => getReferral(referralId), [referralId]);
  const [notice, setNotice] = useState(() => {
    const q = new URLSearchParams(window.location.search);
    return q.has('sent') ? t('referrals.sentNotice') : q.has('linked') ? t('referrals.linkedNotice') : null;
  });
  const [linkFailed] = useState(() => new URLSearchParams(window.location.search).has('linkFailed'));
  const canReceive = useCan('referral.receive');
  const canSend = useCan('referral.send');
  useEffect(() => {
    if (window.location.search) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  const back = <Link to="/referrals">{t('referrals.backToList')}</Link>;
  return (
    <LoadedPage of={referral} title={t('referrals.titleUnknown')} actions={back}>
      {(r) => (
        <Page
          title={t('referrals.detailTitle', { reference: r.reference })}
          intro={r.side === 'sender' ? t('referrals.toLine', { to: receiverName(r) }) : t('referrals.fromLine', { from: r.from.name || r.from.code })}
          actions={
            <>
              {back}
              {r.side === 'sender' ? <Link to={`/referrals/${encodeURIComponent(r.id)}/slip`}>{t('referrals.slip')}</Link> : null}
            </>
          }
        >
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          <StatusTags r={r} />
          {r.side === 'sender' && r.status === 'delivered' && r.daysToService !== null ? <p className="ref-days">{t('referrals.daysToService', { n: r.daysToService })}</p> : null}
          <ReferralActions
            r={r}
            canAct={r.side === 'receiver' ? canReceive : canSend}
            onChange={(next, done) => {
              referral.setData(next);
              setNotice(done);
            }}
          />
          <div className="grid-2">
            <ReferralFacts r={r} />
            <PersonFacts r={r} />
          </div>
          <ReferralFeedback
            r={r}
            canWrite={canSend}
            onChange={(next, done) => {
              referral.setData(next);
              setNotice(done);
            }}
          />
          <ReferralOwnRecord r={r} linkFailed={linkFailed} />
          <History r={r} />
        </Page>
      )}
    </LoadedPage>
  );
}

function ReferralFacts({ r }: { r: ReferralData }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Card title={t('referrals.facts')}>
      <dl className="facts ref-facts">
        <Fact label={t('referrals.reference')}>
          <bdi dir="ltr">{r.reference}</bdi>
        </Fact>
        <Fact label={t('referrals.from')}>
          <bdi>{r.from.name}</bdi>
        </Fact>
        <Fact label={t('referrals.to')}>
          <bdi>{receiverName(r)}</bdi>
          {r.toService ? <span className="muted small"> · {t('referrals.notOnRelais')}</span> : null}
        </Fact>
        <Fact label={t('referrals.sentOnLabel')}>{i18n.formatDate(r.sentOn)}</Fact>
        <Fact label={t('field.urgency')}>{t(`referrals.urgency.${r.urgency}`)}</Fact>
        {r.need !== undefined ? (
          <Fact label={t('field.need')}>
            <bdi>{r.need}</bdi>
          </Fact>
        ) : null}
        {r.statedNeeds ? (
          <Fact label={t('field.statedNeeds')}>
            <bdi>{r.statedNeeds}</bdi>
          </Fact>
        ) : null}
        <Fact label={t('field.accompanied')}>{r.accompanied ? t('record.yes') : t('record.no')}</Fact>
        <Fact label={t('field.interpretation')}>{r.interpretation ? <bdi>{r.interpretation}</bdi> : t('referrals.noInterpretation')}</Fact>
        {r.note ? (
          <Fact label={t('field.note')}>
            <bdi>{r.note}</bdi>
          </Fact>
        ) : null}
        {r.overridden ? <Fact label={t('field.override')}>{t('referrals.overridden')}</Fact> : null}
        {r.declineReason ? <Fact label={t('referrals.declineReason')}>{r.declineReason}</Fact> : null}
        {r.deliveredOn ? <Fact label={t('field.deliveredOn')}>{i18n.formatDate(r.deliveredOn)}</Fact> : null}
        {r.deliveryNote ? <Fact label={t('referrals.deliveryNote')}>{r.deliveryNote}</Fact> : null}
        {r.notDeliveredReason ? <Fact label={t('referrals.notDeliveredReason')}>{vocab(i18n, 'referrals.notDelivered', r.notDeliveredReason)}</Fact> : null}
      </dl>
    </Card>
  );
}

/** The person: for the sender her record (a link), for the receiver only the consented fields. */
function PersonFacts({ r }: { r: ReferralData }) {
  const i18n = useI18n();
  const { t } = i18n;
  const p = r.person;
  const none = p.code === undefined && p.sex === undefined && p.birthYear === undefined && p.phone === undefined;
  return (
    <Card title={t('referrals.person')}>
      {r.side === 'receiver' ? <p className="muted small">{t('referrals.onlyConsented')}</p> : null}
      {none ? <p className="muted">{t('referrals.nothingShared')}</p> : null}
      <dl className="facts ref-facts">
        {p.code !== undefined ? (
          <Fact label={t('field.code')}>
            {r.beneficiaryId ? <Link to={`/beneficiaries/${encodeURIComponent(r.beneficiaryId)}`}><bdi dir="ltr">{p.code}</bdi></Link> : <bdi dir="ltr">{p.code}</bdi>}
          </Fact>
        ) : null}
        {p.sex !== undefined ? <Fact label={t('field.sex')}>{vocab(i18n, 'sex', p.sex)}</Fact> : null}
        {p.birthYear !== undefined ? <Fact label={t('field.birthYear')}>{p.birthYear ?? '—'}</Fact> : null}
        {p.phone !== undefined ? <Fact label={t('field.phone')}>{p.phone ? <bdi dir="ltr">{p.phone}</bdi> : '—'}</Fact> : null}
        {r.caseSummary ? <Fact label={t('referrals.shared.case_summary')}>{t('referrals.caseSummary', { program: vocab(i18n, 'program', r.caseSummary.program), date: i18n.formatDate(r.caseSummary.openedOn) })}</Fact> : null}
      </dl>
      {r.caseId ? <p><Link to={`/cases/${encodeURIComponent(r.caseId)}`}>{t('referrals.openCase')}</Link></p> : null}
    </Card>
  );
}

function History({ r }: { r: ReferralData }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Card title={t('referrals.history')}>
      <ol className="ref-history" aria-label={t('referrals.history')}>
        {r.history.map((s, i) => (
          <li key={i}>
            <strong>{t(`referrals.status.${s.status}`)}</strong> · {i18n.formatDateTime(s.at)}
            <br />
            <span className="muted small">{t('referrals.stepBy', { by: s.by, organisation: s.organisation })}</span>
            {s.reason ? (
              <>
                <br />
                <bdi>{s.reason}</bdi>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
