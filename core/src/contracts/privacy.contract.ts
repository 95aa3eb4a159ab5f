import { z } from 'zod';
import { Id, text } from './common.ts';
import { Beneficiary } from './beneficiaries.contract.ts';
import { Consent } from './referrals.contract.ts';

// The person's rights under Moroccan law 09-08 (issue 18, ADR 0026): erasure, subject access,
// retention periods and the register of processing.

/** Why the person's data is erased (her request, its date): recorded in the audit log; name no one in it. */
export const ErasureInput = z.object({ reason: text().trim().min(5).max(500) });
export type ErasureInput = z.infer<typeof ErasureInput>;

/** What an erasure did, in numbers: nothing of the erased data. */
export const ErasureResult = z.object({
  beneficiaryId: Id,
  /** The random code the record keeps, so that her services still count in past reports. */
  pseudonym: text(),
  erasedAt: text(),
  counts: z.object({
    records: z.number().int(),
    services: z.number().int(),
    cases: z.number().int(),
    caseNotes: z.number().int(),
    stories: z.number().int(),
    consents: z.number().int(),
    referrals: z.number().int(),
    disclosures: z.number().int(),
    voiceNotes: z.number().int(),
  }),
});
export type ErasureResult = z.infer<typeof ErasureResult>;

/** The data categories with a retention period. */
export const retentionCategories = ['contact_phone', 'notes', 'voice_notes', 'closed_cases', 'audit_log'] as const;
export type RetentionCategory = (typeof retentionCategories)[number];

/** Months a category is kept (null: kept while the record lives). */
const Months = z.number().int().min(1).max(600).nullable();
export const RetentionSettings = z.object({
  contact_phone: Months,
  notes: Months,
  /** Voice notes of contacts (ADR 0035), counted from the contact's date; absent in settings stored before them. */
  voice_notes: Months.default(null),
  closed_cases: Months,
  audit_log: Months,
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

/** What one run of the retention job did. */
export const RetentionRun = z.object({
  ranAt: text(),
  phonesCleared: z.number().int(),
  notesCleared: z.number().int(),
  voiceNotesDeleted: z.number().int(),
  casesAnonymised: z.number().int(),
  auditEventsDeleted: z.number().int(),
});
export type RetentionRun = z.infer<typeof RetentionRun>;

const Event = z.object({ at: text(), action: text(), by: text().nullable() });

/** Everything Relais holds about one person (her right of access, law 09-08 art. 7). */
export const SubjectAccess = z.object({
  generatedAt: text(),
  organisation: z.object({ code: text(), name: text() }),
  person: Beneficiary,
  erasedAt: text().nullable(),
  services: z.array(z.object({ date: text(), program: text(), service: text(), unit: text(), note: text().nullable() })),
  cases: z.array(z.object({ id: Id, program: text(), status: text(), openedOn: text(), closedOn: text().nullable(), unit: text() })),
  consents: z.array(Consent),
  referrals: z.array(z.object({ reference: text(), sentOn: text(), status: text(), to: text(), need: text() })),
  /** Her insertion pathway (ADR 0033): each step, its dates, whether it was completed, its note. */
  insertion: z.array(z.object({ kind: text(), activity: text(), startDate: text(), endDate: text().nullable(), completed: z.boolean().nullable(), unit: text(), note: text().nullable() })),
  /** Her opioid substitution episodes (ADR 0029): where, since when, who prescribed, how it ended, her doses over time, and the days dispensed and missed. */
  ost: z.array(
    z.object({
      unit: text(),
      startDate: text(),
      endDate: text().nullable(),
      endReason: text().nullable(),
      endNote: text().nullable(),
      prescriber: text(),
      doses: z.array(z.object({ fromDate: text(), doseMg: z.number().int() })),
      daysOnSite: z.number().int(),
      daysTakenAway: z.number().int(),
      daysMissed: z.number().int(),
    }),
  ),
  stories: z.number().int(),
  /** How many voice notes her contacts have (that they exist; never their audio). */
  voiceNotes: z.number().int(),
  /** Who read her record and when (the audit log). */
  reads: z.array(Event),
  /** Corrections and other changes of her record (the audit log: which fields, by whom). */
  changes: z.array(Event.extend({ fields: z.array(text()) })),
});
export type SubjectAccess = z.infer<typeof SubjectAccess>;

/** The categories of data in the register of processing; labels `privacy.category.<code>` in the web. */
export const processingCategories = ['identifier', 'sex_birth_year', 'populations', 'profile', 'contact_phone', 'notes', 'voice_notes', 'services', 'cases', 'harm_reduction', 'referrals', 'stories', 'audit_log'] as const;
/** Purposes beside the organisation's programs (each enabled program is a purpose): labels `privacy.purpose.<code>`. */
export const processingPurposes = ['referrals', 'quality', 'reporting'] as const;

/**
 * The register of processing (CNDP declaration, law 09-08 art. 12 and 15), generated from the
 * organisation's configuration: what it processes, about whom, for what, sent to whom, kept how
 * long, protected how. Codes only; the web words them in the reader's language.
 */
export const ProcessingRegister = z.object({
  generatedAt: text(),
  organisation: z.object({ code: text(), name: text() }),
  /** Enabled programs (each a purpose), then the purposes of `processingPurposes` that apply. */
  programs: z.array(text()),
  purposes: z.array(z.enum(processingPurposes)),
  /** Key populations the registry records (categories of persons). */
  populations: z.array(text()),
  /** Data categories held, each with its retention (months; null: while the record lives, erased on request). */
  categories: z.array(z.object({ category: z.enum(processingCategories), sensitive: z.boolean(), retentionMonths: z.number().int().nullable() })),
  /** Receivers of person-level data: partner organisations and directory services, from referrals (with consent or override). */
  recipients: z.array(z.object({ name: text(), kind: z.enum(['organisation', 'service']), referrals: z.number().int() })),
  /** Receivers of aggregate figures only: the national DHIS2 when a mapping is set. */
  dhis2Mapped: z.boolean(),
  /** Who processes: active users by role. */
  roles: z.array(z.object({ role: text(), users: z.number().int() })),
  /** Security measures that depend on configuration (the fixed ones are stated by the document). */
  security: z.object({
    secondFactorRequiredForAdministrators: z.boolean(),
    usersWithSecondFactor: z.number().int(),
    activeUsers: z.number().int(),
    retentionJob: z.boolean(),
  }),
  counts: z.object({ persons: z.number().int(), erased: z.number().int() }),
});
export type ProcessingRegister = z.infer<typeof ProcessingRegister>;
