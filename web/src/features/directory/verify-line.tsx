import { useState } from 'react';
import type { DirectoryResource } from '@relais/core';
import { verifyEntry, type VerificationData } from '../../api/directory.ts';
import { Button } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { verificationLine } from './directory-labels.ts';

/**
 * When an entry was last verified and by whom (a warning when stale), and for those who may edit
 * it the one action "Toujours exact" that verifies it today; `onVerified` then refreshes the page.
 */
export function VerifyLine({ resource, id, name, verification, editable, onVerified }: {
  resource: DirectoryResource;
  id: string;
  name: string;
  verification: VerificationData;
  editable: boolean;
  onVerified: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const verify = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      await verifyEntry(resource, id);
      setOutcome({ tone: 'ok', text: t('directory.verified', { name }) });
      onVerified();
    } catch (error) {
      setOutcome({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={verification.stale ? 'dir-verify dir-verify-stale' : 'dir-verify'}>
      <p className="dir-verify-line" data-resource={resource}>
        {verificationLine(i18n, verification)}
      </p>
      {editable ? (
        <Button size="small" busy={busy} onClick={() => void verify()} aria-label={t('directory.verifyOf', { name })}>
          {t('directory.verify')}
        </Button>
      ) : null}
      {outcome ? (
        <p className={outcome.tone === 'ok' ? 'small' : 'field-error'} role={outcome.tone === 'ok' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
