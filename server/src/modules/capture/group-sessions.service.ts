import { DomainError, checkGroupSessionAttendance, type RecordGroupSession, type ServiceCode, invalidField } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { groupSessionExists, insertGroupSession, selectActiveUserIds } from './capture.repository.ts';
import { checkPlace, personFor } from './capture-checks.ts';
import { writeServices } from './service-writes.ts';
import { checkCascadeLinks } from './cascade-links.ts';

/** The service each attendance of a group session counts as, for the attendee. */
export const attendanceService: Record<RecordGroupSession['type'], ServiceCode> = {
  iec: 'iec_session',
  thematic: 'iec_session',
  social_development: 'capacity_building',
  self_support: 'psychological_support',
  convivial_evening: 'iec_session',
  training: 'capacity_building',
  cascade_training: 'capacity_building',
  awareness_children: 'iec_session',
  awareness_parents: 'iec_session',
};

export function createGroupSessionsService(db: Queryable) {
  return {
    /** A group session: identified attendees each get the session's service; anonymous attendees are counted. */
    async recordGroupSession(ctx: RequestContext, input: RecordGroupSession) {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        if (input.id && (await groupSessionExists(trx, org, input.id))) return { id: input.id, created: false };
        const nobody = checkGroupSessionAttendance(input);
        if (nobody.length) throw new DomainError('validation_failed', { fields: nobody });
        const { unit, site } = await checkPlace(trx, ctx, { ...input, workerId: undefined });
        await checkCascadeLinks(trx, org, input);
        const facilitators = await selectActiveUserIds(trx, org, input.facilitatorIds);
        for (const [i, f] of input.facilitatorIds.entries()) if (!facilitators.has(f)) throw invalidField(`facilitatorIds.${i}`, 'invalid_choice');
        const people = [];
        for (const [i, a] of [...new Set(input.attendees)].entries()) people.push(await personFor(trx, ctx, a, `attendees.${i}`));
        const id = input.id ?? newId();
        await insertGroupSession(trx, {
          organisation_id: org,
          id,
          session_date: input.date,
          org_unit_id: unit.id,
          site_id: site?.id ?? null,
          program: input.program,
          type: input.type,
          theme: input.theme,
          facilitator_ids: input.facilitatorIds,
          partner: input.partner,
          anonymous: JSON.stringify(input.anonymous),
          audience: input.audience,
          training_id: input.trainingId,
          led_by_trainee_id: input.ledByTraineeId,
          audience_counts: JSON.stringify(input.audienceCounts),
          disability_count: input.disabilityCount,
          created_by: ctx.actor.userId,
        });
        const service = attendanceService[input.type];
        const worker = input.facilitatorIds[0] ?? ctx.actor.userId;
        await writeServices(
          trx,
          org,
          people.map((person) => ({
            id: newId(),
            contact_id: id,
            beneficiary_id: person.id,
            service_date: input.date,
            worker_id: worker,
            org_unit_id: unit.id,
            site_id: site?.id ?? null,
            program: input.program,
            service,
            quantity: null,
            result: null,
            strategy: null,
            modality: null,
            kind: null,
            treated: null,
            platform: null,
            register_year: null,
            register_no: null,
            group_session_id: id,
            note: null,
            created_by: ctx.actor.userId,
          })),
        );
        await recordAudit(trx, whoOf(ctx), {
          action: 'group_session.record',
          entityType: 'group_session',
          entityId: id,
          orgUnit: { id: unit.id, path: unit.path },
          details: {
            type: input.type,
            theme: input.theme,
            attendees: people.length,
            anonymous: [...input.anonymous, ...input.audienceCounts].reduce((n, a) => n + a.count, 0),
            ...(input.audience ? { audience: input.audience } : {}),
          },
        });
        return { id, created: true };
      });
    },
  };
}
