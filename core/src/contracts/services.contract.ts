import { z } from 'zod';
import { Id, PageQuery, cappedPageOf, text } from './common.ts';
import { EditConflict, PastDate } from './beneficiaries.contract.ts';
import { programCodes } from '../domain/programs.ts';
import { audiences, cascadeAgeGroupCodes } from '../domain/cascades.ts';
import { contactModalities, groupSessionTypes, serviceCodes, testResults, testStrategies } from '../domain/services.ts';
import { sexes } from '../domain/registry.ts';
import { ageBandCodes, legacyAgeBandCodes } from '../domain/indicators.ts';
import { DefinedCode, DefinedFieldValues, DefinedService } from './service-definitions.contract.ts';

/** A built-in service, or one the organisation defined (`service-definitions.contract.ts`; checked against its definition). */
export const AnyServiceCode = z.union([z.enum(serviceCodes), DefinedCode]);

/** The fields a service may take; which it takes depends on the service (core/src/domain/services.ts). The import row reads the same ones. */
export const serviceFields = {
  quantity: z.number().int().min(1).max(100_000).nullable(),
  result: z.enum(testResults).nullable(),
  strategy: z.enum(testStrategies).nullable(),
  modality: z.enum(contactModalities).nullable(),
  kind: text().max(40).nullable(),
  treated: z.boolean().nullable(),
  /** Online platform of an online outreach contact (WhatsApp, Facebook…). */
  platform: text().trim().max(100).nullable(),
  note: text().max(2000).nullable(),
};

/** One service of a contact. */
export const ServiceEntry = z.object({
  /** Client-generated: a retried save is applied once. */
  id: Id.optional(),
  service: AnyServiceCode,
  quantity: serviceFields.quantity.default(null),
  result: serviceFields.result.default(null),
  strategy: serviceFields.strategy.default(null),
  modality: serviceFields.modality.default(null),
  kind: serviceFields.kind.default(null),
  treated: serviceFields.treated.default(null),
  platform: serviceFields.platform.default(null),
  /** Testing register number when transcribing a paper register; else assigned. */
  registerNo: z.number().int().min(1).max(1_000_000).nullable().default(null),
  note: serviceFields.note.default(null),
  /** The values of a defined service's fields, by key (null for a built-in service). */
  fields: DefinedFieldValues.nullable().default(null),
});
export type ServiceEntry = z.infer<typeof ServiceEntry>;

/** A contact: one or several services for one person in one go. */
export const RecordContact = z.object({
  contactId: Id.optional(),
  beneficiaryId: Id,
  /** Typed, backdating allowed, never in the future. */
  date: PastDate,
  /** Defaults to the user; a clerk entering paper forms picks the section's worker. */
  workerId: Id.optional(),
  orgUnitId: Id,
  siteId: Id.nullable().default(null),
  program: z.enum(programCodes),
  /** The case these services are given in: the person's case in this program (GET /cases). */
  caseId: Id.nullable().default(null),
  services: z.array(ServiceEntry).min(1).max(30),
});
export type RecordContact = z.infer<typeof RecordContact>;

export const ServiceRecord = z.object({
  id: Id,
  contactId: Id,
  beneficiary: z.object({ id: Id, code: text() }),
  date: text(),
  /** Null for a service imported without a worker ("intervenant non renseigné"). */
  worker: z.object({ id: Id, displayName: text() }).nullable(),
  orgUnit: z.object({ id: Id, code: text(), name: text() }),
  site: z.object({ id: Id, code: text(), name: text() }).nullable(),
  program: text(),
  service: AnyServiceCode,
  quantity: z.number().int().nullable(),
  result: text().nullable(),
  strategy: text().nullable(),
  modality: text().nullable(),
  kind: text().nullable(),
  treated: z.boolean().nullable(),
  platform: text().nullable(),
  registerYear: z.number().int().nullable(),
  registerNo: z.number().int().nullable(),
  /** The register number was corrected once already and cannot be again. */
  registerNoLocked: z.boolean(),
  /** Null when the reader may not read notes. */
  note: text().nullable(),
  /** The contact’s voice note (ADR 0035); null without one or when the reader may not read notes (absent in answers kept offline before it). */
  voiceNoteId: Id.nullable().default(null),
  groupSessionId: Id.nullable(),
  /** A defined service's field values and the version of its definition they were saved under (null for a built-in). */
  fields: DefinedFieldValues.nullable(),
  definitionVersion: z.number().int().nullable(),
  createdAt: text(),
  updatedAt: text(),
});
export type ServiceRecord = z.infer<typeof ServiceRecord>;
export const ContactResult = z.object({ contactId: Id, services: z.array(ServiceRecord) });
/** A page of services; `total` counted up to a bound past the page (see cappedPageOf). */
export const ServicePage = cappedPageOf(ServiceRecord);

export const ServiceQuery = PageQuery.extend({
  beneficiaryId: Id.optional(),
  orgUnitId: Id.optional(),
  workerId: Id.optional(),
  program: z.enum(programCodes).optional(),
  /** One service code, or several separated by commas (`hiv_test,syphilis_test`): built-in, or defined by the organisation (ADR 0028: what counts as reached may name one). */
  service: text()
    .transform((list, ctx) => {
      const parts = [...new Set(list.split(',').map((p) => p.trim()))];
      const unknown = parts.find((p) => !AnyServiceCode.safeParse(p).success);
      if (unknown !== undefined) {
        ctx.addIssue({ code: 'invalid_value', values: [...serviceCodes], input: unknown });
        return z.NEVER;
      }
      return parts;
    })
    .optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** A correction changes exactly the fields it names. */
export const UpdateService = z.object({ ...serviceFields, date: PastDate, workerId: Id, fields: DefinedFieldValues.nullable() }).partial();
export const SetRegisterNo = z.object({ registerNo: z.number().int().min(1).max(1_000_000) });

/** An age band (the report codes); the codes group sessions took before (`lt25`, `ge25`) are still read, as those. */
const AgeBandInput = z.union([z.enum(ageBandCodes), z.enum(['lt25', 'ge25']).transform((c) => legacyAgeBandCodes[c])]);

/** Group sessions: attendees by record id and/or anonymous counts. */
export const RecordGroupSession = z.object({
  id: Id.optional(),
  date: PastDate,
  orgUnitId: Id,
  siteId: Id.nullable().default(null),
  program: z.enum(programCodes),
  type: z.enum(groupSessionTypes),
  theme: text().trim().min(1).max(200),
  facilitatorIds: z.array(Id).max(10).default([]),
  /** External facilitators or trainees' organisations (cascade trainings), free text. */
  partner: text().trim().max(200).nullable().default(null),
  attendees: z.array(Id).max(500).default([]),
  anonymous: z
    .array(z.object({ sex: z.enum(sexes), ageBand: AgeBandInput, count: z.number().int().min(1).max(10_000) }))
    .max(12)
    .default([]),
  /**
   * A cascade session (issue 14): who it is for, the training it comes from and the person trained
   * who leads it, the audience counted by sex and age group (children's groups are rarely
   * registered), and how many attendees live with a disability.
   */
  audience: z.enum(audiences).nullable().default(null),
  trainingId: Id.nullable().default(null),
  ledByTraineeId: Id.nullable().default(null),
  audienceCounts: z
    .array(z.object({ sex: z.enum(sexes), ageGroup: z.enum(cascadeAgeGroupCodes), count: z.number().int().min(1).max(10_000) }))
    .max(24)
    .default([]),
  disabilityCount: z.number().int().min(0).max(10_000).default(0),
});
export type RecordGroupSession = z.infer<typeof RecordGroupSession>;
export const GroupSession = RecordGroupSession.extend({ id: Id, attendeeCount: z.number().int(), anonymousCount: z.number().int() });

/** Sync push: operations made offline, each applied at most once. */
export const SyncOperation = z.discriminatedUnion('kind', [
  z.object({ id: Id, kind: z.literal('register_beneficiary'), payload: z.unknown() }),
  z.object({ id: Id, kind: z.literal('update_beneficiary'), payload: z.unknown() }),
  z.object({ id: Id, kind: z.literal('record_contact'), payload: z.unknown() }),
  z.object({ id: Id, kind: z.literal('delete_service'), payload: z.unknown() }),
  z.object({ id: Id, kind: z.literal('record_group_session'), payload: z.unknown() }),
]);
export const SyncPush = z.object({ operations: z.array(SyncOperation).min(1).max(1000) });
export const SyncOutcome = z.object({
  id: Id,
  status: z.enum(['applied', 'already_applied', 'rejected']),
  error: z
    .object({
      code: text(),
      message: text(),
      fields: z.array(z.object({ field: text(), code: text(), message: text() })).optional(),
      /** `edit_conflict` of an `update_beneficiary`: each field changed on both sides (ADR 0036). */
      conflict: EditConflict.optional(),
    })
    .optional(),
});
export const SyncPushResult = z.object({ results: z.array(SyncOutcome) });
/** Sync pull: what changed after the cursor (pseudonymous fields only), or resyncRequired. */
export const SyncPullResult = z.object({
  resyncRequired: z.boolean(),
  cursor: z.number(),
  nextCursor: z.number(),
  hasMore: z.boolean(),
  beneficiaries: z.array(z.record(text(), z.unknown())),
  services: z.array(z.record(text(), z.unknown())),
  tombstones: z.array(z.object({ type: z.enum(['beneficiary', 'service']), id: Id, mergedInto: Id.optional() })),
  catalogue: z.unknown(),
});
export const SyncPullQuery = z.object({ cursor: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(5000).default(1000) });

/** Data verification of a month for a section: counts by worker and service, and flags that open the records. */
export const VerificationQuery = z.object({ orgUnitId: Id, month: text().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'format:month' }) });
export const verificationFlags = ['missing_paquet_minimum', 'same_person_same_day', 'unusual_quantity', 'positive_without_medical_support', 'date_far_from_entry'] as const;
export const Verification = z.object({
  month: text(),
  orgUnit: z.object({ id: Id, code: text(), name: text() }),
  workers: z.array(z.object({ worker: z.object({ id: Id, displayName: text() }).nullable(), counts: z.record(text(), z.number()), contacts: z.number().int(), persons: z.number().int() })),
  flags: z.array(z.object({ kind: z.enum(verificationFlags), serviceIds: z.array(Id), beneficiary: z.object({ id: Id, code: text() }).nullable(), worker: z.object({ id: Id, displayName: text() }).nullable(), date: text().nullable() })),
});

/** The service catalogue as an organisation runs it: what each service takes, and each enabled program's settings. */
export const ServiceCatalogue = z.object({
  services: z.array(
    z.object({
      code: z.enum(serviceCodes),
      quantity: z.enum(['out', 'in']).optional(),
      result: z.array(text()).readonly().optional(),
      strategy: z.array(text()).readonly().optional(),
      modality: z.array(text()).readonly().optional(),
      kind: z.array(text()).readonly().optional(),
      treated: z.literal(true).optional(),
    }),
  ),
  programs: z.array(
    z.object({
      code: text(),
      services: z.array(z.enum(serviceCodes)).readonly(),
      reach: z.array(AnyServiceCode).readonly(),
      paquetMinimum: z.array(AnyServiceCode).readonly(),
    }),
  ),
  /** The services the organisation defined itself, retired ones included (entry offers only the others). */
  definedServices: z.array(DefinedService),
});
export type ServiceCatalogue = z.infer<typeof ServiceCatalogue>;

/**
 * A program's services, what counts as reached and its paquet minimum: both subsets of the
 * services offered, where a service the organisation defined for the program is offered by its
 * definition (the catalogue checks those against the definitions; ADR 0028).
 */
export const ProgramServices = z
  .object({
    services: z.array(z.enum(serviceCodes)).min(1).readonly(),
    reach: z.array(AnyServiceCode).max(serviceCodes.length + 40).readonly(),
    paquetMinimum: z.array(AnyServiceCode).max(serviceCodes.length + 40).readonly(),
  })
  .superRefine((p, ctx) => {
    for (const field of ['reach', 'paquetMinimum'] as const) {
      p[field].forEach((code, i) => {
        const builtIn = (serviceCodes as readonly string[]).includes(code);
        if (builtIn && !(p.services as readonly string[]).includes(code)) ctx.addIssue({ code: 'custom', path: [field, i], message: 'not_offered' });
      });
    }
  });
export type ProgramServices = z.infer<typeof ProgramServices>;
