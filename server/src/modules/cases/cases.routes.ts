import { z } from 'zod';
import {
  ActionInput,
  AppointmentInput,
  Case,
  CasePage,
  CaseQuery,
  CaseSettings,
  CloseCase,
  Id,
  IdParams,
  NoteInput,
  OpenCase,
  ReopenCase,
  UpdateAction,
  UpdateAppointment,
  UpdateCase,
} from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { CasesService } from './cases.service.ts';

const ActionParams = z.object({ id: Id, actionId: Id });
const AppointmentParams = z.object({ id: Id, appointmentId: Id });

export function registerCaseRoutes(router: Router, cases: CasesService): void {
  router.session({
    method: 'GET',
    url: '/cases/settings',
    summary: 'Case settings: violence typology, days without contact before a case is at risk, time zone',
    tag: 'cases',
    response: CaseSettings,
    handler: ({ ctx }) => cases.getSettings(ctx),
  });
  router.session({
    method: 'PUT',
    url: '/cases/settings',
    summary: 'Change the case settings (root administrators)',
    tag: 'cases',
    permission: 'settings.manage',
    body: CaseSettings,
    response: CaseSettings,
    handler: ({ ctx, body }) => cases.updateSettings(ctx, body),
  });
  router.create({
    method: 'POST',
    url: '/cases',
    summary: 'Open a case at reception (idempotent on a client-generated id)',
    tag: 'cases',
    permission: 'case.write',
    body: OpenCase,
    response: Case,
    replayed: 'Replayed: the same id was already opened; the case as it stands',
    record: 'case',
    handler: ({ ctx, body }) => cases.open(ctx, body),
  });
  router.session({
    method: 'GET',
    url: '/cases',
    summary: 'The worklist: cases she may read, most urgent first (72/120 h windows, overdue actions, appointments due, risk of loss); audited',
    tag: 'cases',
    query: CaseQuery,
    response: CasePage,
    handler: ({ ctx, query }) => cases.list(ctx, query),
  });
  router.session({
    method: 'GET',
    url: '/cases/:id',
    summary: 'One case with its clock, plan, appointments, services, notes and history (every read is audited)',
    tag: 'cases',
    params: IdParams,
    response: Case,
    handler: ({ ctx, params }) => cases.get(ctx, params.id),
  });
  router.session({
    method: 'PATCH',
    url: '/cases/:id',
    summary: 'Change a case: team, entry door, incident, assessment',
    tag: 'cases',
    params: IdParams,
    body: UpdateCase,
    response: Case,
    handler: ({ ctx, params, body }) => cases.update(ctx, params.id, body),
  });
  router.session({
    method: 'POST',
    url: '/cases/:id/close',
    summary: 'Close a case with its date and reason',
    tag: 'cases',
    params: IdParams,
    body: CloseCase,
    response: Case,
    handler: ({ ctx, params, body }) => cases.close(ctx, params.id, body),
  });
  router.session({
    method: 'POST',
    url: '/cases/:id/reopen',
    summary: 'Reopen a closed case (its history keeps the closure)',
    tag: 'cases',
    params: IdParams,
    body: ReopenCase,
    response: Case,
    handler: ({ ctx, params, body }) => cases.reopen(ctx, params.id, body.note),
  });
  router.session({
    method: 'POST',
    url: '/cases/:id/actions',
    summary: 'Add an action to the care plan',
    tag: 'cases',
    params: IdParams,
    body: ActionInput,
    response: Case,
    handler: ({ ctx, params, body }) => cases.addAction(ctx, params.id, body),
  });
  router.session({
    method: 'PATCH',
    url: '/cases/:id/actions/:actionId',
    summary: 'Change an action of the care plan (status, due date, responsible)',
    tag: 'cases',
    params: ActionParams,
    body: UpdateAction,
    response: Case,
    handler: ({ ctx, params, body }) => cases.updateAction(ctx, params.id, params.actionId, body),
  });
  router.session({
    method: 'POST',
    url: '/cases/:id/appointments',
    summary: 'Add a follow-up appointment',
    tag: 'cases',
    params: IdParams,
    body: AppointmentInput,
    response: Case,
    handler: ({ ctx, params, body }) => cases.addAppointment(ctx, params.id, body),
  });
  router.session({
    method: 'PATCH',
    url: '/cases/:id/appointments/:appointmentId',
    summary: 'Change an appointment (kept, missed, moved)',
    tag: 'cases',
    params: AppointmentParams,
    body: UpdateAppointment,
    response: Case,
    handler: ({ ctx, params, body }) => cases.updateAppointment(ctx, params.id, params.appointmentId, body),
  });
  router.session({
    method: 'POST',
    url: '/cases/:id/notes',
    summary: 'Add a case note (encrypted at rest; read by the case team and note readers only)',
    tag: 'cases',
    params: IdParams,
    body: NoteInput,
    response: Case,
    handler: ({ ctx, params, body }) => cases.addNote(ctx, params.id, body),
  });
}
