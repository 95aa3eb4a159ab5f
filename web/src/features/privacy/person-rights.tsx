import './privacy-strings.ts';
import { useState } from 'react';
import { ErasureInput, type Beneficiary } from '@relais/core';
import { validate } from '../../api/validate.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Button, Card, Dialog, TextArea } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError, fieldErrorsOf, fieldErrorsOfError } from '../../i18n/errors.ts';
import { erasePerson } from './privacy-api.ts';

/**
 * The person's rights on her record (law 09-08, ADR 0026), for administrators: what is held about
 * her (the printable export) and the erasure of her data on her request, with its reason.
 */
export function PersonRights({ b, onErased }: { b: Beneficiary; onErased: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [erasing, setErasing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Card title={t('privacy.rights')}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {b.erasedAt ? <Alert tone="info">{t('privacy.erasedOn', { date: i18n.formatDate(b.erasedAt) })}</Alert> : <p className="muted">{t('privacy.rightsIntro')}</p>}
      <div className="form-actions">
        <Link to={`/beneficiaries/${encodeURIComponent(b.id)}/subject-access`}>{t('privacy.subjectAccess')}</Link>
        {!b.erasedAt && !b.mergedInto ? (
          <Button variant="danger" onClick={() => setErasing(true)}>
            {t('privacy.erase')}
          </Button>
        ) : null}
      </div>
      {erasing ? (
        <EraseDialog
          beneficiaryId={b.id}
          onClose={() => setErasing(false)}
          onErased={(code) => {
            setErasing(false);
            setNotice(t('privacy.erased', { code }));
            onErased();
          }}
        />
      ) : null}
    </Card>
  );
}

/** Asks the reason, then erases; a refused reason is said on its field, any other failure above it. */
function EraseDialog({ beneficiaryId, onClose, onErased }: { beneficiaryId: string; onClose: () => void; onErased: (code: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setFailure(undefined);
    const checked = validate(ErasureInput, { reason });
    setReasonError(checked.ok ? undefined : fieldErrorsOf(i18n, checked.fields).reason);
    if (!checked.ok) return;
    setBusy(true);
    try {
      onErased((await erasePerson(beneficiaryId, checked.data)).pseudonym);
    } catch (error) {
      setReasonError(fieldErrorsOfError(i18n, error).reason);
      setFailure(error);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('privacy.eraseTitle')}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('record.cancel')}
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {t('privacy.eraseConfirm')}
          </Button>
        </>
      }
    >
      {failure ? <Alert tone="error">{describeError(i18n, failure)}</Alert> : null}
      <p>{t('privacy.eraseBody')}</p>
      <TextArea label={t('privacy.reason')} hint={t('privacy.reasonHint')} value={reason} error={reasonError} onChange={setReason} rows={3} required requiredLabel={t('common.requiredMark')} />
    </Dialog>
  );
}
