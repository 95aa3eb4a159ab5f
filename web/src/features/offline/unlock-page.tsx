import { useState } from 'react';
import { Alert, Button, Form, Page } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { PasswordField } from '../auth/password-field.tsx';
import { unlockVault } from '../../offline/vault.ts';
import { useOutbox } from '../../offline/outbox.ts';
import { PublicFrame } from '../../app/public-frame.tsx';

/**
 * The app locked (opened offline, or idle): the password opens the data kept on this device,
 * with no network (ADR 0027). Logging out stays possible.
 */
export function UnlockPage({ reason }: { reason: 'offline' | 'idle' }) {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  const [password, setPassword] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);
  const { count } = useOutbox();
  const submit = async () => {
    setBusy(true);
    setWrong(false);
    const opened = await unlockVault(me.user.id, password);
    setBusy(false);
    if (opened !== 'opened') {
      setWrong(true);
      setPassword('');
    }
  };
  return (
    <PublicFrame>
      <Page title={t('unlock.title')} intro={reason === 'idle' ? t('unlock.idle') : t('unlock.offline')} narrow>
      <Form
        className="form card"
        onSubmit={submit}
        actions={
          <>
            <Button type="submit" variant="primary" busy={busy}>
              {t('unlock.submit')}
            </Button>
            <Button variant="ghost" onClick={() => void signOut()}>
              {t('shell.logout')}
            </Button>
          </>
        }
      >
        {wrong ? <Alert tone="error">{t('unlock.wrong')}</Alert> : null}
        {count > 0 ? <Alert tone="info">{t('outbox.waiting', { count })}</Alert> : null}
        <p dir="auto">{me.user.displayName}</p>
        <PasswordField label={t('field.password')} value={password} onChange={setPassword} autoComplete="current-password" />
      </Form>
      </Page>
    </PublicFrame>
  );
}
