import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { Alert, Button, Card, ConfirmDialog } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { ConsentForm } from './consent-form.tsx';
import { consentReceivers, consentState, fieldLabel, purposeLabel } from './referral-labels.ts';
import { listConsents, withdrawConsent, type ConsentData } from './referrals-api.ts';
import './referrals.css';

const stateTone = { holds: 'tag-ok', expired: 'tag-off', withdrawn: 'tag-off', not_yet: 'tag-info' } as const;

/**
 * "Consentements" on a person's record: each consent she gave (to whom, for what, which fields,
 * whether it holds today), withdrawing one after a confirmation, and recording a new one.
 */
export function PersonConsents({ beneficiaryId, canWrite }: { beneficiaryId: string; canWrite: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const consents = useApi(() => listConsents(beneficiaryId), [beneficiaryId]);
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ConsentData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = consents.data?.items ?? [];
  const today = todayIso();
  return (
    <Card
      title={t('referrals.consent.title')}
      className="ref-consents"
      footer={
        canWrite && !adding ? (
          <Button variant="primary" onClick={() => { setNotice(null); setAdding(true); }}>
            {t('referrals.consent.new')}
          </Button>
        ) : undefined
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ReadStatus of={consents} />
      {consents.data && items.length === 0 ? <p className="muted">{t('referrals.consent.none')}</p> : null}
      {items.length ? (
        <ul className="item-list" aria-label={t('referrals.consent.title')}>
          {items.map((c) => {
            const state = consentState(c, today);
            return (
              <li key={c.id} className="item ref-consent">
                <div>
                  <p className="ref-consent-to">
                    <bdi>{consentReceivers(c)}</bdi> <span className={`tag ${stateTone[state]}`}>{t(`referrals.consent.state.${state}`)}</span>
                  </p>
                  <p className="muted small">
                    {c.purposes.map((p) => purposeLabel(i18n, p)).join(', ')} · {t('referrals.consent.sharing', { fields: c.fields.map((f) => fieldLabel(i18n, f)).join(', ') })}
                  </p>
                  <p className="muted small">
                    {t('referrals.consent.given', { by: t(`referrals.giver.${c.grantedBy}`), date: i18n.formatDate(c.givenOn) })}
                    {c.witness ? <> · {t('referrals.consent.witness', { name: c.witness })}</> : null}
                    {' · '}
                    {c.withdrawnAt ? t('referrals.consent.withdrawnOn', { date: i18n.formatDate(c.withdrawnAt) }) : t('referrals.consent.until', { date: i18n.formatDate(c.expiresOn) })}
                  </p>
                </div>
                {canWrite && !c.withdrawnAt && state !== 'expired' ? (
                  <Button size="small" variant="danger" aria-label={t('referrals.consent.withdrawNamed', { to: consentReceivers(c) })} onClick={() => setWithdrawing(c)}>
                    {t('referrals.consent.withdraw')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {adding ? (
        <ConsentForm
          beneficiaryId={beneficiaryId}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            setNotice(t('referrals.consent.saved'));
            consents.reload();
          }}
        />
      ) : null}
      {withdrawing ? (
        <ConfirmDialog
          title={t('referrals.consent.withdrawTitle')}
          cancelLabel={t('record.cancel')}
          confirmLabel={t('referrals.consent.withdraw')}
          describeFailure={(e) => describeError(i18n, e)}
          onClose={() => setWithdrawing(null)}
          onConfirm={async () => {
            await withdrawConsent(withdrawing.id);
            setWithdrawing(null);
            setNotice(t('referrals.consent.withdrawn'));
            consents.reload();
          }}
        >
          <p>{t('referrals.consent.withdrawBody', { to: consentReceivers(withdrawing) })}</p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
