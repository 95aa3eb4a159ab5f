import { sql } from 'kysely';
import { invalidField, type RecordGroupSession } from '@relais/core';
import type { Queryable } from '../../db/index.ts';

/**
 * A cascade session's links (issue 14): the training it comes from and the person trained who
 * leads it are the organisation's; a leader must have attended that training (else the cascade
 * tree would show a session under someone the training never had).
 */
export async function checkCascadeLinks(trx: Queryable, org: string, input: Pick<RecordGroupSession, 'trainingId' | 'ledByTraineeId'>): Promise<void> {
  if (input.trainingId) {
    const found = await sql`select 1 from training where organisation_id = ${org} and id = ${input.trainingId}`.execute(trx);
    if (!found.rows.length) throw invalidField('trainingId', 'unknown_reference', { value: input.trainingId });
  }
  if (input.ledByTraineeId) {
    const found = await sql`select 1 from trainee where organisation_id = ${org} and id = ${input.ledByTraineeId}`.execute(trx);
    if (!found.rows.length) throw invalidField('ledByTraineeId', 'unknown_reference', { value: input.ledByTraineeId });
    if (input.trainingId) {
      const attended = await sql`select 1 from training_attendance where organisation_id = ${org} and training_id = ${input.trainingId} and trainee_id = ${input.ledByTraineeId} and attended`.execute(trx);
      if (!attended.rows.length) throw invalidField('ledByTraineeId', 'invalid_choice');
    }
  }
}
