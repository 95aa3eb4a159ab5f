import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { ReadItems } from '../../app/read-status.tsx';
import { Card } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { receiverName } from './referral-labels.ts';
import { listReferrals } from './referrals-api.ts';
import { StatusTags } from './status-tags.tsx';
import './referrals.css';

/** A new referral's address: for a person, optionally from her case and a directory service (a circuit step). */
export function newReferralHref(q: { beneficiaryId: string; caseId?: string | undefined; serviceId?: string | undefined }): string {
  const p = new URLSearchParams({ beneficiary: q.beneficiaryId });
  if (q.caseId) p.set('case', q.caseId);
  if (q.serviceId) p.set('service', q.serviceId);
  return `/referrals/new?${p.toString()}`;
}

/** "Orientations" on a person's record: the referrals sent for her, and "refer her". */
export function PersonReferrals({ beneficiaryId, canSend }: { beneficiaryId: string; canSend: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const referrals = useApi(() => listReferrals({ box: 'outgoing', beneficiaryId, limit: 50 }), [beneficiaryId]);
  return (
    <Card
      title={t('referrals.person.title')}
      footer={
        canSend ? (
          <Link to={newReferralHref({ beneficiaryId })} className="btn btn-primary">
            {t('referrals.refer')}
          </Link>
        ) : undefined
      }
    >
      <ReadItems of={referrals} empty={t('referrals.person.none')} className="item-list" itemClassName="ref-item">
        {(r) => (
          <>
            <div>
              <Link to={`/referrals/${encodeURIComponent(r.id)}`}>{t('referrals.toLine', { to: receiverName(r) })}</Link>
              <p className="muted small">
                <bdi>{r.reference}</bdi> · {i18n.formatDate(r.sentOn)}
                {r.need ? (
                  <>
                    {' · '}
                    <bdi>{r.need}</bdi>
                  </>
                ) : null}
              </p>
            </div>
            <StatusTags r={r} />
          </>
        )}
      </ReadItems>
    </Card>
  );
}
