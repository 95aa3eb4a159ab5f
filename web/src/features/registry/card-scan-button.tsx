import { lazy, Suspense, useRef, useState } from 'react';
import { useSession } from '../../app/session.tsx';
import { Alert } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

// The decoder (jsQR) and the camera view, in their own chunk precached for offline (ADR 0041).
const loadScanner = () => import('./card-scan.tsx');
const LiveScanner = lazy(async () => ({ default: (await loadScanner()).LiveScanner }));

/** Can this browser read a QR code from the camera's live picture (Chrome on Android)? */
const hasLiveDetector = () => typeof window !== 'undefined' && 'BarcodeDetector' in window && Boolean(navigator.mediaDevices?.getUserMedia);

/**
 * "Scanner la carte" beside a code field (ADR 0041): the QR code of the person's card gives her
 * code unique. Where the browser detects QR codes live, a camera view; elsewhere (and when the
 * camera is refused) a photo taken by the phone's camera app, read by jsQR. Only a card of the
 * user's organisation is taken; anything else is refused with a message.
 */
export function CardScanButton({ onCode }: { onCode: (code: string) => void }) {
  const { t, locale } = useI18n();
  const organisation = useSession().me.organisation.code;
  const [live, setLive] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const photo = useRef<HTMLInputElement>(null);

  const take = (read: { code: string } | { error: string }) => {
    if ('error' in read) return setError(read.error);
    setError(null);
    setLive(false);
    onCode(read.code);
  };
  const readPhoto = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const scanner = await loadScanner().catch(() => null);
      take(scanner ? await scanner.readCardPhoto(file, organisation, locale) : { error: t('app.screenUnavailable') });
    } finally {
      setBusy(false);
      if (photo.current) photo.current.value = '';
    }
  };
  const choosePhoto = () => photo.current?.click();

  return (
    <div className="card-scan">
      <button type="button" className="btn btn-secondary card-scan-button" aria-busy={busy || undefined} disabled={busy} onClick={() => (hasLiveDetector() ? setLive(true) : choosePhoto())}>
        <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M3 8V4h4M17 4h4v4M21 16v4h-4M7 20H3v-4M8 8h3v3H8zM13 13h3v3h-3zM13 8h3M8 16h3" />
        </svg>
        {t('scan.button')}
      </button>
      <input ref={photo} type="file" accept="image/*" capture="environment" className="visually-hidden" tabIndex={-1} aria-label={t('scan.photo')} onChange={(e) => void readPhoto(e.target.files?.[0])} />
      {live ? (
        <Suspense fallback={null}>
          <LiveScanner organisation={organisation} onRead={take} onClose={() => setLive(false)} onPhoto={() => { setLive(false); choosePhoto(); }} />
        </Suspense>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
