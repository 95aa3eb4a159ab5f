import type { ReferralStat } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { Link } from '../../app/router.tsx';
import { Alert, Loading, Table, type Column } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { receiverName } from './referral-labels.ts';
import { listReferrals, type ReferralData } from './referrals-api.ts';

const LIMIT = 200;

/** Does a referral count for a statistic (the report's cohort rule, docs/indicators.md "Referral indicators")? */
function counts(stat: ReferralStat, r: ReferralData): boolean {
  switch (stat) {
    case 'sent':
    case 'received':
      return true;
    case 'accepted':
      return r.history.some((h) => h.status === 'accepted');
    case 'delivered':
    case 'median_days_to_service':
      return r.deliveredOn !== null;
    case 'feedback':
      return Boolean(r.feedback);
    case 'satisfied':
      return r.feedback?.satisfied === true;
  }
}

/** The referrals behind a report's number: sent (or received) in the cell's dates, from its unit, that the statistic counts. */
export function ReferralDrillList({ stat, from, to, orgUnitId }: { stat: ReferralStat; from: string; to: string; orgUnitId: string | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const box = stat === 'received' ? 'incoming' : 'outgoing';
  const list = useApi(() => listReferrals({ box, from, to, ...(box === 'outgoing' && orgUnitId ? { orgUnitId } : {}), limit: LIMIT }), [box, from, to, orgUnitId]);
  const columns: Column<ReferralData>[] = [
    { key: 'reference', header: t('referrals.reference'), render: (r) => <Link to={`/referrals/${encodeURIComponent(r.id)}`}><bdi dir="ltr">{r.reference}</bdi></Link> },
    { key: 'sentOn', header: t('referrals.sentOnLabel'), render: (r) => i18n.formatDate(r.sentOn) },
    { key: 'who', header: box === 'incoming' ? t('referrals.from') : t('referrals.to'), render: (r) => <bdi>{box === 'incoming' ? r.from.name : receiverName(r)}</bdi> },
    { key: 'status', header: t('referrals.statusLabel'), render: (r) => t(`referrals.status.${r.status}`) },
    { key: 'days', header: t('referrals.drillDays'), render: (r) => (r.daysToService === null ? '—' : String(r.daysToService)) },
  ];
  const items = list.data?.items.filter((r) => counts(stat, r)) ?? [];
  return (
    <>
      <p className="field-hint">{t('referrals.drillHint')}</p>
      <ErrorAlert error={list.error} />
      {list.loading ? <Loading label={t('app.loading')} /> : null}
      {list.data && !list.loading ? (
        <>
          <p role="status">{t('referrals.drillSummary', { n: items.length })}</p>
          {list.data.total > list.data.items.length ? <Alert tone="info">{t('referrals.drillTruncated', { shown: list.data.items.length, total: list.data.total })}</Alert> : null}
          <Table caption={t('referrals.drillTitle')} columns={columns} rows={items} rowKey={(r) => r.id} empty={t('referrals.drillNone')} />
        </>
      ) : null}
    </>
  );
}
