import { useEffect, useState, type ReactNode } from 'react';
import { useSession } from '../../app/session.tsx';
import { useOnline } from '../../app/online.ts';
import { forgetCodesInMemory, warmCodes, refreshCodes } from '../../offline/offline-codes.ts';
import { refreshOutboxCount, sendOutbox } from '../../offline/outbox.ts';
import { hasVault, isLockedForIdle, touch, useVaultOpen } from '../../offline/vault.ts';
import { getCatalogue, getRegistrySettings, listOrgUnits, listPrograms } from '../../api/endpoints.ts';
import { UnlockPage } from './unlock-page.tsx';

/**
 * Between the session and the screens (ADR 0027): asks for the password when the store is
 * locked and the app needs it (opened offline, offline now, or locked after idle); when open and
 * online, sends the outbox, then brings the kept codes and the field screens' reads up to date.
 */
export function VaultGate({ offline, children }: { offline: boolean; children: ReactNode }) {
  const { me } = useSession();
  const online = useOnline();
  const isOpen = useVaultOpen();
  const [exists, setExists] = useState<boolean | null>(null);

  useEffect(() => {
    void hasVault(me.user.id).then(setExists, () => setExists(false));
    void refreshOutboxCount(me.user.id).catch(() => undefined);
  }, [me.user.id, isOpen]);

  // Any touch or key press keeps the store open (the idle lock starts again).
  useEffect(() => {
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, touch);
    };
  }, []);

  useEffect(() => {
    if (!isOpen) forgetCodesInMemory();
    else void warmCodes().catch(() => undefined);
    // `me` changes when the server confirms the session (a fresh CSRF token): then writes go through.
    if (!isOpen || !online || offline) return;
    void (async () => {
      await sendOutbox();
      await Promise.allSettled([getRegistrySettings(), getCatalogue(), listOrgUnits(), listPrograms()]);
      await refreshCodes().catch(() => undefined);
    })();
  }, [isOpen, online, offline, me]);

  const locked = exists === true && !isOpen && (offline || !online || isLockedForIdle());
  if (locked) return <UnlockPage reason={isLockedForIdle() ? 'idle' : 'offline'} />;
  return <>{children}</>;
}
