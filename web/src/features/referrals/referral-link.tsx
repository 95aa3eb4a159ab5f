import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { SubmitForm } from '../../app/form-buttons.tsx';
import { Alert, Card, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { getReferralSettings, linkReferral, putReferralSettings, type ReferralData } from './referrals-api.ts';


/** The page to register the person from a referral: the receiver's registration, the consented code filled in; back here once linked. */
export function registerFromReferral(r: ReferralData): string {
  const q = new URLSearchParams({ referral: r.id });
  if (r.person.code) q.set('code', r.person.code);
  return `/beneficiaries/new?${q.toString()}`;
}

/**
 * For the receiver: its own record of the person, once registered from this referral (open it),
 * or the way to register her (where its workers register persons, once the referral is accepted;
 * the server links only while her consent covers care coordination).
 */
export function ReferralOwnRecord({ r, linkFailed }: { r: ReferralData; linkFailed: boolean }) {
  const { t } = useI18n();
  const canRegister = useCan('person.write');
  if (r.side !== 'receiver') return null;
  if (r.linkedBeneficiaryId) {
    return (
      <Card title={t('referrals.ownRecord')}>
        <p>{t('referrals.ownRecordLinked')}</p>
        <Link to={`/beneficiaries/${encodeURIComponent(r.linkedBeneficiaryId)}`}>{t('referrals.openOwnRecord')}</Link>
      </Card>
    );
  }
  if (!canRegister || (r.status !== 'accepted' && r.status !== 'delivered')) return null;
  return (
    <Card title={t('referrals.ownRecord')}>
      {linkFailed ? <Alert tone="error">{t('referrals.linkFailed')}</Alert> : null}
      <p className="muted small">{t('referrals.registerHint')}</p>
      <Link to={registerFromReferral(r)} className="btn btn-secondary">
        {t('referrals.registerHere')}
      </Link>
    </Card>
  );
}

/** Where the registration page goes once the person is registered from a referral: linked, back to the referral. */
export async function afterRegistration(beneficiaryId: string): Promise<string | null> {
  const referralId = new URLSearchParams(window.location.search).get('referral');
  if (!referralId) return null;
  try {
    await linkReferral(referralId, beneficiaryId);
    return `/referrals/${encodeURIComponent(referralId)}?linked=1`;
  } catch {
    return `/referrals/${encodeURIComponent(referralId)}?linkFailed=1`;
  }
}

/** Root administrators: after how many days without an answer a sent referral is flagged. */
export function ReferralSettingsCard() {
  const { t } = useI18n();
  const canManage = useCan('settings.manage');
  const settings = useApi(getReferralSettings, []);
  const [days, setDays] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit();
  if (!canManage || !settings.data) return null;
  const value = days ?? String(settings.data.unansweredAfterDays);
  const submit = async () => {
    form.begin();
    setSaved(false);
    await form.send(async () => {
      settings.setData(await putReferralSettings({ unansweredAfterDays: Number(value) }));
      setDays(null);
      setSaved(true);
    });
  };
  return (
    <Card title={t('referrals.settingsTitle')}>
      {saved ? <Alert tone="success">{t('referrals.settingsSaved')}</Alert> : null}
      <SubmitForm className="form" label={t('referrals.settingsTitle')} form={form} onSubmit={submit} submitLabel={t('referrals.settingsSave')}>
        <TextField label={t('field.unansweredAfterDays')} type="number" inputMode="numeric" min={1} max={90} value={value} onChange={setDays} error={form.errors.unansweredAfterDays} />
      </SubmitForm>
    </Card>
  );
}
