import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { hasPin, removePin, setPin, useVaultOpen, WIPE_AFTER } from '../../offline/vault.ts';
import { PinField } from './unlock-page.tsx';

/** Digits a PIN takes (6 at least: the wipe after WIPE_AFTER tries guards the phone, the length a copy of its files). */
const PIN = /^\d{6,8}$/;

/**
 * The PIN of this device (ADR 0034): after a password unlock, a short PIN can open the store on
 * this phone (the same data key wrapped a second time); wrong PINs count toward the wipe.
 * Shown only while the store is open (the key to wrap is in memory).
 */
export function DevicePinCard() {
  const { t } = useI18n();
  const { me } = useSession();
  const isOpen = useVaultOpen();
  const [exists, setExists] = useState(false);
  const [pin, setPinText] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ pin?: string; confirm?: string }>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void hasPin(me.user.id).then(setExists), [me.user.id, isOpen]);
  if (!isOpen) return null;

  const submit = async () => {
    setMessage(null);
    const found = { pin: PIN.test(pin) ? undefined : t('pin.invalid'), confirm: confirm === pin ? undefined : t('pin.mismatch') };
    setErrors(found);
    if (found.pin || found.confirm) return;
    setBusy(true);
    await setPin(pin);
    setBusy(false);
    setPinText('');
    setConfirm('');
    setExists(true);
    setMessage(t('pin.set'));
  };
  const remove = async () => {
    await removePin(me.user.id);
    setExists(false);
    setMessage(t('pin.removed'));
  };
  return (
    <Card title={t('pin.title')}>
      <p>{t('pin.intro', { max: WIPE_AFTER })}</p>
      {message ? <Alert tone="success">{message}</Alert> : null}
      <Form
        onSubmit={submit}
        actions={
          <>
            <Button type="submit" variant="primary" busy={busy}>
              {t(exists ? 'pin.change' : 'pin.submit')}
            </Button>
            {exists ? (
              <Button variant="ghost" onClick={() => void remove()}>
                {t('pin.remove')}
              </Button>
            ) : null}
          </>
        }
      >
        <PinField label={t('pin.new')} value={pin} onChange={setPinText} hint={t('pin.hint')} error={errors.pin} />
        <PinField label={t('pin.confirm')} value={confirm} onChange={setConfirm} error={errors.confirm} />
      </Form>
    </Card>
  );
}
