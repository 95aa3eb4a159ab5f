import { useState } from 'react';
import { Link } from '../../app/router.tsx';
import { useCan, useSession } from '../../app/session.tsx';
import { storage } from '../../app/storage.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ServicePictogram } from '../programs/service-pictogram.tsx';

/**
 * The low-literacy mode (issue 16, ADR 0034): per user, on this device (local storage, a shared
 * phone's other users keep theirs). When on, "record services" opens the pictograms first and the
 * home page starts with a big quick-contact button.
 */
const lowLiteracyKey = (userId: string) => `relais.lowLiteracy.${userId}`;

/** Is the mode on for the logged-in user, and its switch. */
export function useLowLiteracy(): [boolean, (on: boolean) => void] {
  const { me } = useSession();
  const [on, setOn] = useState(() => storage.get(lowLiteracyKey(me.user.id)) === '1');
  const set = (next: boolean) => {
    if (next) storage.set(lowLiteracyKey(me.user.id), '1');
    else storage.remove(lowLiteracyKey(me.user.id));
    setOn(next);
  };
  return [on, set];
}

/** The home page's first button in low-literacy mode: quick contact, drawn before it is written. */
export function QuickContactShortcut() {
  const { t } = useI18n();
  const [lowLiteracy] = useLowLiteracy();
  const canRecord = useCan('service.write');
  if (!lowLiteracy || !canRecord) return null;
  return (
    <Link to="/contacts/quick" className="quick-shortcut">
      <span className="quick-shortcut-pictograms" aria-hidden="true">
        <ServicePictogram name="condom" size={40} />
        <ServicePictogram name="drop" size={40} />
        <ServicePictogram name="chat" size={40} />
      </span>
      <span>{t('shell.quickContact')}</span>
    </Link>
  );
}
