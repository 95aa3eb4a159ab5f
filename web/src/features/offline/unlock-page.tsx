import { useEffect, useState } from 'react';
import { Alert, Button, Form, Page, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { PasswordField } from '../auth/password-field.tsx';
import { failedUnlocks, hasPin, unlockVault, unlockWithPin, WARN_FROM, WIPE_AFTER, type UnlockAnswer } from '../../offline/vault.ts';
import { forgetSession } from '../../offline/offline-session.ts';
import { useOutbox } from '../../offline/outbox.ts';
import { PublicFrame } from '../../app/public-frame.tsx';

/**
 * The app locked (opened offline, or idle): the password — or the device's PIN when one was set —
 * opens the data kept on this device, with no network (ADR 0027, 0034). Failed tries are counted:
 * from the WARN_FROM-th the screen says how many remain and how many unsent records the wipe would
 * lose; the WIPE_AFTER-th deletes the data and leaves only logging in again. Logging out stays possible.
 */
export function UnlockPage({ reason }: { reason: 'offline' | 'idle' }) {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  const userId = me.user.id;
  const [secret, setSecret] = useState('');
  const [pinExists, setPinExists] = useState(false);
  const [usesPin, setUsesPin] = useState(false);
  const [answer, setAnswer] = useState<UnlockAnswer | null>(null);
  const [failures, setFailures] = useState(0);
  const [lost, setLost] = useState(0);
  const [busy, setBusy] = useState(false);
  const { count } = useOutbox();
  useEffect(() => {
    void hasPin(userId).then((exists) => {
      setPinExists(exists);
      setUsesPin(exists);
    });
    void failedUnlocks(userId).then(setFailures);
  }, [userId]);

  const submit = async () => {
    setBusy(true);
    const unsent = count;
    const got = usesPin ? await unlockWithPin(userId, secret) : await unlockVault(userId, secret);
    setBusy(false);
    setSecret('');
    if (got === 'none') return;
    if (got === 'wiped') {
      setLost(unsent);
      forgetSession(); // nothing left to open offline: the next start asks to log in
    }
    setAnswer(got === 'previous_password' ? 'wrong_password' : got);
    setFailures(await failedUnlocks(userId));
  };

  if (answer === 'wiped') {
    return (
      <PublicFrame>
        <Page title={t('unlock.wipedTitle')} narrow>
          <Alert tone="error">{t('unlock.wiped', { max: WIPE_AFTER, count: lost })}</Alert>
          <Button variant="primary" onClick={() => void signOut()}>
            {t('unlock.logInAgain')}
          </Button>
        </Page>
      </PublicFrame>
    );
  }
  const left = WIPE_AFTER - failures;
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
          {answer === 'wrong_password' ? <Alert tone="error">{t(usesPin ? 'unlock.wrongPin' : 'unlock.wrong')}</Alert> : null}
          {failures >= WARN_FROM ? (
            <Alert tone="warning">
              {t('unlock.wipeWarning', { left, max: WIPE_AFTER })} {count > 0 ? t('unlock.wipeLoses', { count }) : null}
            </Alert>
          ) : null}
          {count > 0 ? <Alert tone="info">{t('outbox.waiting', { count })}</Alert> : null}
          <p dir="auto">{me.user.displayName}</p>
          {usesPin ? (
            <PinField label={t('pin.field')} value={secret} onChange={setSecret} />
          ) : (
            <PasswordField label={t('field.password')} value={secret} onChange={setSecret} autoComplete="current-password" />
          )}
          {pinExists ? (
            <Button
              variant="ghost"
              size="small"
              onClick={() => {
                setUsesPin(!usesPin);
                setSecret('');
                setAnswer(null);
              }}
            >
              {t(usesPin ? 'unlock.usePassword' : 'unlock.usePin')}
            </Button>
          ) : null}
        </Form>
      </Page>
    </PublicFrame>
  );
}

/** A PIN: digits on the phone's number pad, never shown. */
export function PinField({ label, value, onChange, hint, error }: { label: string; value: string; onChange: (v: string) => void; hint?: string; error?: string }) {
  return <TextField type="password" inputMode="numeric" autoComplete="off" dir="ltr" required label={label} value={value} onChange={(v) => onChange(v.replace(/\D/g, '').slice(0, 8))} hint={hint} error={error} />;
}
