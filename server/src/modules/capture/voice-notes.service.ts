import { DomainError, invalidField, voiceNoteMaxBytes, voiceNoteTypes, type VoiceNote } from '@relais/core';
import { isUniqueViolation, withTransaction, type Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import type { Secrets } from '../../lib/secrets.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { capturePolicy } from './capture.policy.ts';
import * as repo from './voice-notes.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.selectVoiceNote>>>;

function toVoiceNote(row: Row): VoiceNote {
  return { id: row.id, contactId: row.contact_id, mimeType: row.mime_type, sizeBytes: row.size_bytes, createdAt: new Date(row.created_at).toISOString() };
}

/** The media type without its parameters (`audio/webm;codecs=opus` → `audio/webm`), if it is one Relais keeps. */
function voiceNoteType(contentType: string | undefined): string | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (voiceNoteTypes as readonly string[]).includes(type) ? type : null;
}

/**
 * Voice notes of contacts (ADR 0035): attached by whoever may record the contact's services,
 * played by whoever may read its notes (the notes' policy: the person's services at the unit and
 * `note.read`), each playback audited; the audio sealed at rest with the instance key. Never
 * transcribed.
 */
export function createVoiceNotesService(db: Queryable, secrets: Secrets) {
  /** The note as `permission` lets the actor reach it; else it does not exist for her. */
  const reach = (ctx: RequestContext, row: Row | undefined, permission: 'service.write' | 'person.read'): Row => {
    if (!row || !capturePolicy.reachService(ctx.actor, permission, row.unit_path, row.program)) throw new DomainError('not_found');
    return row;
  };
  return {
    /** Attaches a recording to a contact, once: the same id again answers the note as it stands. */
    async attach(ctx: RequestContext, id: string, contactId: string, contentType: string | undefined, audio: Buffer): Promise<{ created: boolean; record: VoiceNote }> {
      const mimeType = voiceNoteType(contentType);
      if (!mimeType) throw invalidField('voiceNote', 'invalid_choice');
      if (audio.length === 0) throw invalidField('voiceNote', 'required');
      if (audio.length > voiceNoteMaxBytes) throw invalidField('voiceNote', 'too_big', { max: `${voiceNoteMaxBytes / 1024} KB` });
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const existing = await repo.selectVoiceNote(trx, org, { id });
        if (existing) {
          if (existing.contact_id !== contactId) throw new DomainError('id_conflict');
          return { created: false, record: toVoiceNote(reach(ctx, existing, 'service.write')) };
        }
        const contact = await repo.selectContactPlace(trx, org, contactId);
        if (!contact || !capturePolicy.reachService(ctx.actor, 'service.write', contact.unit_path, contact.program)) throw new DomainError('not_found');
        if (await repo.selectVoiceNote(trx, org, { contactId })) throw invalidField('contactId', 'taken');
        try {
          await repo.insertVoiceNote(trx, {
            organisation_id: org,
            id,
            contact_id: contactId,
            beneficiary_id: contact.beneficiary_id,
            org_unit_id: contact.org_unit_id,
            program: contact.program,
            contact_date: contact.service_date,
            mime_type: mimeType,
            size_bytes: audio.length,
            audio_encrypted: secrets.encryptBytes(audio),
            created_by: ctx.actor.userId,
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw new DomainError('id_conflict');
          throw error;
        }
        await recordAudit(trx, whoOf(ctx), {
          action: 'voice_note.attach',
          entityType: 'beneficiary',
          entityId: contact.beneficiary_id,
          orgUnit: { id: contact.org_unit_id, path: contact.unit_path },
          details: { voiceNoteId: id, contactId, bytes: audio.length },
        });
        return { created: true, record: toVoiceNote((await repo.selectVoiceNote(trx, org, { id }))!) };
      });
    },

    /** The audio of a note, for a reader of the contact's notes; the playback is audited as a read of her record. */
    async play(ctx: RequestContext, id: string): Promise<{ mimeType: string; audio: Buffer }> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const row = reach(ctx, await repo.selectVoiceNote(trx, org, { id }, true), 'person.read');
        if (!capturePolicy.seeNotes(ctx.actor)) throw new DomainError('not_found');
        await recordAudit(trx, whoOf(ctx), {
          action: 'voice_note.play',
          entityType: 'beneficiary',
          entityId: row.beneficiary_id,
          orgUnit: { id: row.org_unit_id, path: row.unit_path },
          details: { voiceNoteId: id, contactId: row.contact_id },
        });
        return { mimeType: row.mime_type, audio: secrets.decryptBytes((row as Row & { audio_encrypted: Buffer }).audio_encrypted) };
      });
    },
  };
}

export type VoiceNotesService = ReturnType<typeof createVoiceNotesService>;
