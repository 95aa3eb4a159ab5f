import { z } from 'zod';
import { Id, PageQuery, cappedPageOf, codeList, text } from './common.ts';
import { PastDate } from './beneficiaries.contract.ts';
import { programCodes } from '../domain/programs.ts';
import { entryDoors } from '../domain/registry.ts';
import {
  actionStatuses,
  appointmentStatuses,
  caseNeeds,
  caseStatuses,
  closureReasons,
  incidentPlaces,
  perpetratorRelations,
  riskLevels,
  urgencyReasons,
  violenceFamilies,
} from '../domain/cases.ts';

/** A wall-clock date-time `YYYY-MM-DDTHH:MM` (the organisation's local time, as on the intake form). */
export const LocalDateTime = text().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, { message: 'format:date_time' });
/** A date `YYYY-MM-DD` or a wall-clock date-time `YYYY-MM-DDTHH:MM` (time not known → the date alone). */
export const LocalDateOrDateTime = text().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d)?$/, { message: 'format:date_or_date_time' });

/** A violence type's code (the typology is data: checked against the organisation's). */
export const ViolenceTypeCode = text().trim().min(1).max(40).regex(/^[a-z][a-z0-9_]*$/, { message: 'format:indicator_code' });

/** The incident behind a GBV case (optional elsewhere). */
export const IncidentInput = z.object({
  /** `YYYY-MM-DDTHH:MM`, or `YYYY-MM-DD` when the time is not known. */
  at: LocalDateOrDateTime,
  place: z.enum(incidentPlaces).nullable().default(null),
  perpetrator: z.enum(perpetratorRelations).nullable().default(null),
  repeated: z.boolean().nullable().default(null),
  violenceType: ViolenceTypeCode.nullable().default(null),
  /** GBVIMS: only incidents with the survivor's consent to reporting count in external exports. */
  reportingConsent: z.boolean().default(false),
});
export type IncidentInput = z.infer<typeof IncidentInput>;

/** Opening a case (reception). */
export const OpenCase = z.object({
  /** Client-generated: a retried opening is applied once. */
  id: Id.optional(),
  beneficiaryId: Id,
  program: z.enum(programCodes),
  orgUnitId: Id,
  /** Reception, local date-time; never in the future. */
  openedAt: LocalDateTime,
  entryDoor: z.enum(entryDoors),
  /** Defaults to the user. */
  caseWorkerId: Id.optional(),
  coWorkerIds: z.array(Id).max(10).default([]),
  incident: IncidentInput.nullable().default(null),
});
export type OpenCase = z.infer<typeof OpenCase>;

export const Assessment = z.object({
  needs: z.array(z.enum(caseNeeds)).max(caseNeeds.length),
  riskLevel: z.enum(riskLevels).nullable(),
  safetyPlan: z.boolean(),
});
export type Assessment = z.infer<typeof Assessment>;

/** Changing a case: each field optional (an absent field is unchanged). */
export const UpdateCase = z
  .object({
    entryDoor: z.enum(entryDoors),
    caseWorkerId: Id,
    coWorkerIds: z.array(Id).max(10),
    incident: IncidentInput.nullable(),
    assessment: Assessment,
  })
  .partial();
export type UpdateCase = z.infer<typeof UpdateCase>;

export const CloseCase = z.object({
  closedOn: PastDate,
  reason: z.enum(closureReasons),
  note: text().max(2000).nullable().default(null),
});
export type CloseCase = z.infer<typeof CloseCase>;

export const ReopenCase = z.object({ note: text().max(2000).nullable().default(null) });

export const ActionInput = z.object({
  id: Id.optional(),
  what: text().trim().min(1).max(500),
  assigneeId: Id.nullable().default(null),
  dueOn: z.iso.date().nullable().default(null),
  status: z.enum(actionStatuses).default('planned'),
});
export const UpdateAction = z.object({ what: ActionInput.shape.what, assigneeId: Id.nullable(), dueOn: z.iso.date().nullable(), status: z.enum(actionStatuses) }).partial();

export const AppointmentInput = z.object({
  id: Id.optional(),
  at: LocalDateTime,
  purpose: text().trim().min(1).max(300),
  status: z.enum(appointmentStatuses).default('planned'),
});
export const UpdateAppointment = z.object({ at: LocalDateTime, purpose: AppointmentInput.shape.purpose, status: z.enum(appointmentStatuses) }).partial();

export const NoteInput = z.object({ id: Id.optional(), body: text().trim().min(1).max(10_000) });

const Person = z.object({ id: Id, displayName: text() });
const Unit = z.object({ id: Id, code: text(), name: text() });

export const WindowStateSchema = z.object({
  window: z.enum(['pep', 'ec']),
  hours: z.number().int(),
  open: z.boolean(),
  minutesElapsed: z.number().int().nullable(),
  daysElapsed: z.number().int(),
  minutesLeft: z.number().int().nullable(),
});
const Windows = z.object({ pep: WindowStateSchema, ec: WindowStateSchema });

export const Incident = z.object({
  date: text(),
  time: text().nullable(),
  place: text().nullable(),
  perpetrator: text().nullable(),
  repeated: z.boolean().nullable(),
  violenceType: text().nullable(),
  violenceFamily: z.enum(violenceFamilies).nullable(),
  reportingConsent: z.boolean(),
});

/** The clock of a case with an incident: each window at reception and now, and the alerts. */
export const CaseClockSchema = z.object({
  atReception: Windows,
  now: Windows,
  /** The case was opened inside the window and no service answering it is recorded in the case yet. */
  alerts: z.array(z.enum(['pep', 'ec'])),
});

export const CaseSummary = z.object({
  id: Id,
  beneficiary: z.object({ id: Id, code: text() }),
  program: text(),
  orgUnit: Unit,
  status: z.enum(caseStatuses),
  openedAt: text(),
  entryDoor: text(),
  caseWorker: Person,
  closedOn: text().nullable(),
  closureReason: text().nullable(),
  violenceType: text().nullable(),
  /** Date of the last service recorded in the case (or of reception). */
  lastContactOn: text(),
  atRisk: z.boolean(),
  clock: CaseClockSchema.nullable(),
  overdueActions: z.number().int(),
  appointmentsDue: z.number().int(),
  /** Why it is urgent, most urgent first (empty: nothing urgent). */
  urgency: z.array(z.enum(urgencyReasons)),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseAction = z.object({
  id: Id,
  what: text(),
  assignee: Person.nullable(),
  dueOn: text().nullable(),
  status: z.enum(actionStatuses),
  overdue: z.boolean(),
  doneOn: text().nullable(),
});
export const CaseAppointment = z.object({ id: Id, at: text(), purpose: text(), status: z.enum(appointmentStatuses) });
export const CaseNote = z.object({ id: Id, author: Person, at: text(), body: text() });
export const CaseHistoryEntry = z.object({ at: text(), by: Person.nullable(), status: z.enum(caseStatuses), on: text(), reason: text().nullable(), note: text().nullable() });
export const CaseService = z.object({ id: Id, date: text(), service: text(), worker: Person.nullable(), orgUnit: Unit });

export const Case = CaseSummary.extend({
  coWorkers: z.array(Person),
  incident: Incident.nullable(),
  assessment: Assessment.nullable(),
  actions: z.array(CaseAction),
  appointments: z.array(CaseAppointment),
  services: z.array(CaseService),
  /** Null when the reader may not read case notes. */
  notes: z.array(CaseNote).nullable(),
  history: z.array(CaseHistoryEntry),
  /** What the reader may do (the screen shows only what she may). */
  can: z.object({ write: z.boolean(), readNotes: z.boolean() }),
});
export type Case = z.infer<typeof Case>;

/** The worklist ("Mes dossiers") and the case search. */
export const CaseQuery = PageQuery.extend({
  /** `all` (default): every case she may read (her team's and her units'); `mine`: only the cases whose team she is on. */
  scope: z.enum(['mine', 'all']).default('all'),
  status: z.enum([...caseStatuses, 'any']).default('open'),
  program: codeList(programCodes).optional(),
  workerId: Id.optional(),
  orgUnitId: Id.optional(),
  beneficiaryId: Id.optional(),
  /** Only cases needing attention now (inside a window, overdue action, appointment due, at risk). */
  urgentOnly: z.coerce.boolean().optional(),
});
export type CaseQuery = z.infer<typeof CaseQuery>;
export const CasePage = cappedPageOf(CaseSummary);

export const ViolenceTypeSetting = z.object({ code: ViolenceTypeCode, family: z.enum(violenceFamilies) });
export const CaseSettings = z.object({
  violenceTypes: z.array(ViolenceTypeSetting).min(1).max(50),
  /** Per program: days without contact before a case is at risk of loss. */
  atRiskAfterDays: z.partialRecord(z.enum(programCodes), z.number().int().min(7).max(730)),
  /** The organisation's time zone (IANA), for the wall clock of receptions and incidents. */
  timeZone: text().min(1).max(64),
});
export type CaseSettings = z.infer<typeof CaseSettings>;
