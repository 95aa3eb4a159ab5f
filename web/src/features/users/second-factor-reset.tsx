import { useState } from 'react';
import type { User } from '@relais/core';
import { updateUser } from '../../api/endpoints.ts';
import { useSession } from '../../app/session.tsx';
import { describeError } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Alert, Button, Card, ConfirmDialog } from '../../ui/index.ts';

/**
 * A user's second factor as her administrator sees it (ADR 0031): on or off, and when her phone is
 * lost, turning it off (her sessions end; she sets it up again, at her next sign-in if required).
 * Not for one's own account: that is "Mon compte", with the password.
 */
export function SecondFactorCard({ user, onSaved }: { user: User; onSaved: (u: User) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const own = session.me.user.id === user.id;
  return (
    <Card title={t('users.secondFactor')}>
      {done ? <Alert tone="success">{t('users.secondFactorReset')}</Alert> : null}
      <p>{user.secondFactor ? t('users.secondFactorOn') : t('users.secondFactorOff')}</p>
      {user.secondFactor && !own ? (
        <>
          <p className="field-hint">{t('users.secondFactorResetHint')}</p>
          <Button onClick={() => setAsking(true)}>{t('users.secondFactorResetAction')}</Button>
        </>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={t('users.secondFactorResetTitle', { name: user.displayName })}
          cancelLabel={t('record.cancel')}
          confirmLabel={t('users.secondFactorResetAction')}
          describeFailure={(e) => describeError(i18n, e)}
          onClose={() => setAsking(false)}
          onConfirm={async () => {
            onSaved(await updateUser(user.id, { resetSecondFactor: true }));
            setAsking(false);
            setDone(true);
          }}
        >
          <p>{t('users.secondFactorResetBody')}</p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
