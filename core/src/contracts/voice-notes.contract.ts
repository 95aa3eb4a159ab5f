import { z } from 'zod';
import { Id, text } from './common.ts';

// Voice notes (issue 16, ADR 0035): a short recording attached to a contact instead of a typed note.

/** The longest recording the recorder makes (seconds). */
export const voiceNoteMaxSeconds = 120;
/** The largest audio accepted: 2 minutes of Opus at the recorder's 32 kbit/s take about 480 KB. */
export const voiceNoteMaxBytes = 1024 * 1024;
/** The audio formats browsers record (MediaRecorder): WebM or Ogg Opus, MP4/AAC on Safari. */
export const voiceNoteTypes = ['audio/webm', 'audio/ogg', 'audio/mp4'] as const;
export type VoiceNoteType = (typeof voiceNoteTypes)[number];

/** `PUT /voice-notes/:id?contactId=`: the contact the recording belongs to (the body is the audio). */
export const AttachVoiceNoteQuery = z.object({ contactId: Id });

/** A voice note as listed (never its audio). */
export const VoiceNote = z.object({
  id: Id,
  contactId: Id,
  mimeType: text(),
  sizeBytes: z.number().int(),
  createdAt: text(),
});
export type VoiceNote = z.infer<typeof VoiceNote>;
