import type { Insertable } from 'kysely';
import type { Database, Queryable } from '../../db/index.ts';

/** SQL of voice notes (ADR 0035). */

/** A contact's person, unit (with its path) and program, from one of its services still standing. */
export async function selectContactPlace(db: Queryable, org: string, contactId: string) {
  return db
    .selectFrom('service_event as s')
    .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 's.organisation_id').onRef('ou.id', '=', 's.org_unit_id'))
    .select(['s.beneficiary_id', 's.org_unit_id', 'ou.path as unit_path', 's.program', 's.service_date'])
    .where('s.organisation_id', '=', org)
    .where('s.contact_id', '=', contactId)
    .where('s.deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
}

/** A voice note with its unit's path; its audio (sealed) only when asked. */
export async function selectVoiceNote(db: Queryable, org: string, where: { id: string } | { contactId: string }, withAudio = false) {
  const query = db
    .selectFrom('voice_note as v')
    .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 'v.organisation_id').onRef('ou.id', '=', 'v.org_unit_id'))
    .select(['v.id', 'v.contact_id', 'v.beneficiary_id', 'v.org_unit_id', 'ou.path as unit_path', 'v.program', 'v.mime_type', 'v.size_bytes', 'v.created_at'])
    .$if(withAudio, (q) => q.select('v.audio_encrypted'))
    .where('v.organisation_id', '=', org);
  return ('id' in where ? query.where('v.id', '=', where.id) : query.where('v.contact_id', '=', where.contactId)).executeTakeFirst();
}

export async function insertVoiceNote(db: Queryable, row: Insertable<Database['voice_note']>): Promise<void> {
  await db.insertInto('voice_note').values(row).execute();
}
