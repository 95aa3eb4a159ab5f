import type { voiceNoteFr } from './voice-note.i18n.ts';
import type { Translations } from '@relais/core';

/** English (keys of voiceNoteFr; the French in voice-note.i18n.ts): a chunk of its own with the English catalogue (ADR 0043). */
export const voiceNoteEn: Translations<typeof voiceNoteFr> = {
  'voice.title': 'Voice note',
  'voice.hint': 'Instead of typing: 2 minutes at most. Kept encrypted on the device, sent with the contact.',
  'voice.record': 'Record a voice note',
  'voice.stop': 'Stop',
  'voice.remaining': 'Time left: {time}',
  'voice.recording': 'Recording',
  'voice.recorded': 'Voice note recorded ({time})',
  'voice.discard': 'Delete the voice note',
  'voice.denied': 'The microphone is refused or missing: allow it in the browser, or type a note.',
  'voice.unsupported': 'This browser cannot record sound.',
  'voice.play': 'Play the voice note',
  'voice.notSent': 'The voice note could not be sent: it waits in the outbox.',
  'outbox.kind.voice_note': 'Voice note',
};
