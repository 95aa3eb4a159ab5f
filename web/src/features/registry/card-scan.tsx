import { useEffect, useRef, useState } from 'react';
import jsQR from 'jsqr';
import { readPersonCard, type Locale } from '@relais/core';
import { Button } from '../../ui/index.ts';
import { chunkText } from '../../i18n/chunk-strings.ts';
import { useChunkT, useI18n } from '../../i18n/i18n.tsx';
import { cardScanStrings } from './card-scan.i18n.ts';

/** What a scan gives: a code unique of the user's organisation, or the reason it is refused, in words. */
export type CardRead = { code: string } | { error: string };

/** Reads the text of a QR code as a card of `organisation` (ADR 0041): anything else is refused. */
export function readCardText(text: string | null, organisation: string, locale: Locale): CardRead {
  const say = (key: keyof typeof cardScanStrings.fr, params?: Record<string, string>) => ({ error: chunkText(cardScanStrings, locale, key, params) });
  if (text === null) return say('scan.noQr');
  const card = readPersonCard(text, organisation);
  if (card.ok) return { code: card.code };
  return card.reason === 'other_organisation' ? say('scan.otherOrganisation', { organisation: card.organisation }) : say('scan.notACard');
}

/** A photo of a card read (or why not). */
export async function readCardPhoto(file: Blob, organisation: string, locale: Locale): Promise<CardRead> {
  const text = await readQrFromImage(file).catch(() => null);
  return readCardText(text, organisation, locale);
}

/** The sides (in pixels) a photo is read at, smallest first: a phone's 12-megapixel photo is scaled down (fast, little memory) and read larger only when needed. */
const readSizes = [800, 1600];

/**
 * The text of the QR code in a photo (ADR 0041), or null when none could be read. Decoded in the
 * browser with jsQR from the pixels of a canvas: works offline and on every browser.
 */
export async function readQrFromImage(file: Blob): Promise<string | null> {
  const image = await createImageBitmap(file);
  try {
    for (const side of readSizes) {
      const scale = Math.min(1, side / Math.max(image.width, image.height));
      const width = Math.max(1, Math.round(image.width * scale));
      const height = Math.max(1, Math.round(image.height * scale));
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) return null;
      context.drawImage(image, 0, 0, width, height);
      const found = jsQR(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'attemptBoth' });
      if (found?.data) return found.data;
      if (scale === 1) break;
    }
    return null;
  } finally {
    image.close();
  }
}

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

/**
 * The camera's live picture, read by the browser's own QR detector (`BarcodeDetector`, Chrome on
 * Android) a few times a second; the rear camera; closed (and the camera released) when a card is
 * read, on "close", or when the camera is refused — then the photo is offered instead.
 */
export function LiveScanner({ organisation, onRead, onClose, onPhoto }: { organisation: string; onRead: (read: CardRead) => void; onClose: () => void; onPhoto: () => void }) {
  const { locale } = useI18n();
  const t = useChunkT(cardScanStrings);
  const video = useRef<HTMLVideoElement>(null);
  const [refused, setRefused] = useState(false);
  const taken = useRef((text: string) => onRead(readCardText(text, organisation, locale)));
  useEffect(() => {
    taken.current = (text: string) => onRead(readCardText(text, organisation, locale));
  });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let last = '';
    const Ctor = (window as unknown as { BarcodeDetector: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
    const detector = new Ctor({ formats: ['qr_code'] });
    const look = async () => {
      if (stopped || !video.current) return;
      try {
        const [code] = await detector.detect(video.current);
        // The same foreign code seen again is not announced again.
        if (code && code.rawValue !== last) {
          last = code.rawValue;
          taken.current(code.rawValue);
        }
      } catch {
        // A frame not ready yet: the next one.
      }
      if (!stopped) timer = setTimeout(() => void look(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return s.getTracks().forEach((track) => track.stop());
        video.current.srcObject = s;
        await video.current.play();
        void look();
      })
      .catch(() => setRefused(true));
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="card-scan-live" role="group" aria-label={t('scan.live')}>
      {refused ? <p className="field-hint">{t('scan.cameraRefused')}</p> : <video ref={video} className="card-scan-video" muted playsInline aria-label={t('scan.live')} />}
      <div className="form-actions">
        <Button onClick={onPhoto}>{t('scan.takePhoto')}</Button>
        <Button variant="ghost" onClick={onClose}>
          {t('scan.close')}
        </Button>
      </div>
    </div>
  );
}
