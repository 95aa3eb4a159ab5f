import { useEffect, useMemo, useRef, useState } from 'react';
import { voiceNoteMaxSeconds } from '@relais/core';
import { playVoiceNote } from '../../api/endpoints.ts';
import { Alert, Button } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './voice-recorder.css';

/** The formats tried, best first: Opus in WebM (Chromium, Firefox) or Ogg, else MP4 (Safari). */
const formats = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'];
/** 32 kbit/s: speech stays clear and 2 minutes weigh about 480 KB (the server takes up to 1 MB). */
const BITRATE = 32_000;

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

type State = { step: 'idle' } | { step: 'recording'; startedAt: number } | { step: 'refused'; why: 'denied' | 'unsupported' };

/**
 * A voice note instead of typing (ADR 0035): record, stop (or stopped at 2 minutes), play back,
 * delete. The recording stays in memory as a Blob until the form saves it: sent with the
 * contact, or sealed in the outbox. Loaded in its own chunk (the field entry's budget).
 */
export function VoiceRecorder({ value, onChange }: { value: Blob | null; onChange: (audio: Blob | null, seconds: number) => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [now, setNow] = useState(0);
  const [length, setLength] = useState(0);
  const recorder = useRef<MediaRecorder | null>(null);
  const url = useMemo(() => (value ? URL.createObjectURL(value) : null), [value]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  // Leaving the form stops the microphone.
  useEffect(() => () => recorder.current?.stream.getTracks().forEach((track) => track.stop()), []);

  const elapsed = state.step === 'recording' ? Math.max(0, (now - state.startedAt) / 1000) : 0;
  useEffect(() => {
    if (state.step !== 'recording') return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [state.step]);
  useEffect(() => {
    if (state.step === 'recording' && elapsed >= voiceNoteMaxSeconds) stop();
  }, [elapsed]);

  const start = async () => {
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
      setState({ step: 'refused', why: 'unsupported' });
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setState({ step: 'refused', why: 'denied' });
      return;
    }
    const mimeType = formats.find((f) => MediaRecorder.isTypeSupported(f));
    const media = new MediaRecorder(stream, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: BITRATE });
    const chunks: Blob[] = [];
    const startedAt = Date.now();
    media.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    media.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      const seconds = Math.min(voiceNoteMaxSeconds, Math.round((Date.now() - startedAt) / 1000));
      setLength(seconds);
      onChange(new Blob(chunks, { type: media.mimeType || mimeType || 'audio/webm' }), seconds);
      setState({ step: 'idle' });
    };
    recorder.current = media;
    media.start(1000);
    setNow(startedAt);
    setState({ step: 'recording', startedAt });
  };

  function stop() {
    if (recorder.current?.state === 'recording') recorder.current.stop();
  }

  return (
    <fieldset className="fieldset voice-note">
      <legend className="fieldset-legend">{t('voice.title')}</legend>
      {state.step === 'refused' ? <Alert tone="warning">{t(state.why === 'denied' ? 'voice.denied' : 'voice.unsupported')}</Alert> : null}
      {state.step === 'recording' ? (
        <div className="voice-recording">
          <p className="voice-status">
            <span className="voice-dot" aria-hidden="true" />
            {t('voice.recording')}
          </p>
          <p className="voice-countdown" role="timer">
            {t('voice.remaining', { time: clock(voiceNoteMaxSeconds - elapsed) })}
          </p>
          <Button variant="primary" className="voice-button" onClick={stop}>
            {t('voice.stop')}
          </Button>
        </div>
      ) : value && url ? (
        <div className="voice-recorded">
          <p>{t('voice.recorded', { time: clock(length) })}</p>
          <audio controls src={url} className="voice-audio" aria-label={t('voice.play')} />
          <Button variant="ghost" className="voice-button" onClick={() => onChange(null, 0)}>
            {t('voice.discard')}
          </Button>
        </div>
      ) : (
        <div className="voice-idle">
          <p className="field-hint">{t('voice.hint')}</p>
          <Button className="voice-button" onClick={() => void start()}>
            {t('voice.record')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

/** A saved voice note, fetched when asked (each playback is audited): "Écouter", then the player. */
export function VoiceNotePlay({ id }: { id: string }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const load = async () => {
    try {
      setUrl(URL.createObjectURL((await playVoiceNote(id)).blob));
    } catch {
      setFailed(true);
    }
  };
  if (url) return <audio controls autoPlay src={url} className="voice-audio" aria-label={t('voice.play')} />;
  return (
    <Button size="small" onClick={() => void load()} disabled={failed}>
      {t('voice.play')}
    </Button>
  );
}
