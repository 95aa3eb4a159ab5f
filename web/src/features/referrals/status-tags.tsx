import type { ReferralStatus, ReferralUrgency } from '@relais/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ReferralData } from './referrals-api.ts';

const statusTone: Record<ReferralStatus, string> = {
  sent: 'tag-info',
  accepted: 'tag-info',
  declined: 'tag-off',
  delivered: 'tag-ok',
  not_delivered: 'tag-warning',
  closed: 'tag-off',
  withdrawn: 'tag-off',
};
const urgencyTone: Record<ReferralUrgency, string> = { normal: 'tag-off', urgent: 'tag-warning', emergency: 'tag-danger' };

/** A referral's status, its urgency (unless normal) and, when sent and not answered for too long, the flag. */
export function StatusTags({ r }: { r: Pick<ReferralData, 'status' | 'urgency' | 'unanswered'> }) {
  const { t } = useI18n();
  return (
    <p className="ref-tags">
      <span className={`tag ${statusTone[r.status]}`}>{t(`referrals.status.${r.status}`)}</span>
      {r.urgency !== 'normal' ? <span className={`tag ${urgencyTone[r.urgency]}`}>{t(`referrals.urgency.${r.urgency}`)}</span> : null}
      {r.unanswered ? <span className="tag tag-danger">{t('referrals.unanswered')}</span> : null}
    </p>
  );
}
