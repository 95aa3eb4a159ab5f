import type { DirectoryResource } from '@relais/core';
import { verifyEntry, type VerificationData } from '../../api/directory.ts';
import { useAction } from '../../api/use-action.ts';
import { Button } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
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
  const { busy, message: outcome, run } = useAction();
  const verify = () =>
    run(id, async () => {
      await verifyEntry(resource, id);
      onVerified();
      return t('directory.verified', { name });
    });
  return (
    <div className={verification.stale ? 'dir-verify dir-verify-stale' : 'dir-verify'}>
      <p className="dir-verify-line" data-resource={resource}>
        {verificationLine(i18n, verification)}
      </p>
      {editable ? (
        <Button size="small" busy={busy !== null} onClick={() => void verify()} aria-label={t('directory.verifyOf', { name })}>
          {t('directory.verify')}
        </Button>
      ) : null}
      {outcome ? (
        <p className={outcome.tone === 'success' ? 'small' : 'field-error'} role={outcome.tone === 'success' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
