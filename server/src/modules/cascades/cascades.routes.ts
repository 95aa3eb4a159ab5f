import { z } from 'zod';
import {
  AttendanceInput,
  CircuitEntryInput,
  Disclosure,
  DisclosureInput,
  DisclosurePage,
  DisclosureQuery,
  IdParams,
  SetAttended,
  TraineePage,
  TraineeQuery,
  Training,
  TrainingInput,
  TrainingPage,
  TrainingQuery,
} from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { TrainingsService } from './cascades.service.ts';
import type { DisclosuresService } from './disclosures.service.ts';

const tag = 'cascades';
const AttendanceParams = z.object({ id: IdParams.shape.id, traineeId: IdParams.shape.id });

export function registerCascadeRoutes(router: Router, trainings: TrainingsService, disclosures: DisclosuresService): void {
  router.session({ method: 'GET', url: '/trainings', summary: 'Trainings (where one records or reads reports), with attendance, the sessions and trainings they produced, persons sensitised', tag, query: TrainingQuery, response: TrainingPage, handler: ({ ctx, query }) => trainings.list(ctx, query) });
  router.session({ method: 'GET', url: '/trainings/:id', summary: 'A training, its attendance and its cascade (what its trainees led, level by level)', tag, params: IdParams, response: Training, handler: ({ ctx, params }) => trainings.get(ctx, params.id) });
  router.create({ method: 'POST', url: '/trainings', summary: 'Record a training (training of trainers, thematic, peer educators)', tag, permission: 'service.write', body: TrainingInput, response: Training, record: 'training', handler: ({ ctx, body }) => trainings.create(ctx, body) });
  router.session({
    method: 'POST',
    url: '/trainings/:id/attendance',
    summary: 'Add a person to a training: one trained before or a new one',
    tag,
    permission: 'service.write',
    params: IdParams,
    body: AttendanceInput,
    response: Training,
    handler: ({ ctx, params, body }) => trainings.attend(ctx, params.id, body),
  });
  router.session({
    method: 'PUT',
    url: '/trainings/:id/attendance/:traineeId',
    summary: 'Mark a person present or absent at a training',
    tag,
    permission: 'service.write',
    params: AttendanceParams,
    body: SetAttended,
    response: Training,
    handler: ({ ctx, params, body }) => trainings.setAttended(ctx, params.id, params.traineeId, body.attended),
  });
  router.session({ method: 'GET', url: '/trainees', summary: 'The organisation’s people trained (to add to a training or to lead a session)', tag, permission: 'service.write', query: TraineeQuery, response: TraineePage, handler: ({ ctx, query }) => trainings.trainees(ctx, query) });

  router.session({ method: 'GET', url: '/disclosures', summary: 'Disclosures (where one reads cases, and those one recorded), waiting ones first; each read is audited', tag, query: DisclosureQuery, response: DisclosurePage, handler: ({ ctx, query }) => disclosures.list(ctx, query) });
  router.session({ method: 'GET', url: '/disclosures/:id', summary: 'A disclosure (audited)', tag, params: IdParams, response: Disclosure, handler: ({ ctx, params }) => disclosures.get(ctx, params.id) });
  router.create({ method: 'POST', url: '/disclosures', summary: 'Record a disclosure made during or after a session (anonymous or with the person’s record)', tag, permission: 'service.write', body: DisclosureInput, response: Disclosure, record: 'disclosure', handler: ({ ctx, body }) => disclosures.record(ctx, body) });
  router.session({
    method: 'POST',
    url: '/disclosures/:id/circuit',
    summary: 'The disclosure entered the care circuit: a case opened for the person, or a referral sent to a directory service',
    tag,
    params: IdParams,
    body: CircuitEntryInput,
    response: Disclosure,
    handler: ({ ctx, params, body }) => disclosures.enterCircuit(ctx, params.id, body),
  });
}
