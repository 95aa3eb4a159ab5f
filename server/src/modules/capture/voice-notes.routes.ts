import { AttachVoiceNoteQuery, IdParams, VoiceNote, voiceNoteMaxBytes, voiceNoteTypes } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { VoiceNotesService } from './voice-notes.service.ts';

export function registerVoiceNoteRoutes(router: Router, voiceNotes: VoiceNotesService): void {
  router.create({
    method: 'PUT',
    url: '/voice-notes/:id',
    summary: 'Attach a voice note (the audio: WebM, Ogg or MP4, up to 2 minutes) to a contact; idempotent on its client id',
    tag: 'capture',
    permission: 'service.write',
    params: IdParams,
    query: AttachVoiceNoteQuery,
    // Twice the accepted size, so an audio a little too long gets the field's error rather than "request too large".
    rawBody: { limit: 2 * voiceNoteMaxBytes, types: voiceNoteTypes, description: `The recording, at most ${voiceNoteMaxBytes} bytes` },
    response: VoiceNote,
    errors: ['id_conflict'],
    handler: ({ ctx, params, query, body, request }) => voiceNotes.attach(ctx, params.id, query.contactId, request.headers['content-type'], body as unknown as Buffer),
  });
  router.session({
    method: 'GET',
    url: '/voice-notes/:id',
    summary: 'Play a voice note (the audio, for readers of the contact’s notes; audited)',
    tag: 'capture',
    permission: 'note.read',
    params: IdParams,
    files: voiceNoteTypes.map((type) => ({ type, binary: true })),
    handler: async ({ ctx, params, reply }) => {
      const { mimeType, audio } = await voiceNotes.play(ctx, params.id);
      reply.header('content-type', mimeType);
      reply.header('cache-control', 'no-store');
      return reply.send(audio);
    },
  });
}
