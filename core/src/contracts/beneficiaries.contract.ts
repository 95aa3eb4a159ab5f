import { z } from 'zod';
import { Id, PageQuery, cappedPageOf, text } from './common.ts';
import {
  entryDoors,
  genderIdentities,
  healthCoverages,
  housings,
  maritalStatuses,
  occupations,
  schoolings,
  sexes,
} from '../domain/registry.ts';
import { nameAttributes } from '../domain/code-scheme.ts';

/** A population code of the organisation's vocabulary (upper case letters, digits, `_`). */
export const PopulationCode = text().trim().min(1).max(20).regex(/^[A-Za-z0-9_]+$/, { message: 'format:population_code' }).transform((s) => s.toUpperCase());

const today = () => new Date().toISOString().slice(0, 10);
/** A calendar date `YYYY-MM-DD`, not in the future. */
export const PastDate = z.iso.date().refine((d) => d <= today(), { message: 'future' });

/** The optional profile used in reports (no defaults: an update changes only what it names). */
export const profileFields = {
  maritalStatus: z.enum(maritalStatuses).nullable(),
  schooling: z.enum(schoolings).nullable(),
  housing: z.enum(housings).nullable(),
  occupation: z.enum(occupations).nullable(),
  childrenInCharge: z.number().int().min(0).max(30).nullable(),
  healthCoverage: z.enum(healthCoverages).nullable(),
};
const noProfile = { maritalStatus: null, schooling: null, housing: null, occupation: null, childrenInCharge: null, healthCoverage: null };
export const BeneficiaryProfile = z.object(profileFields).partial().transform((p) => ({ ...noProfile, ...p }));

/** A birth year: from 1900 (the latest year allowed depends on the edge: 2100 for the API, this year for a file). */
export const BirthYear = z.number().int().min(1900);

/** The record's fields as an update names them: each optional, none defaulted (the import row reads the same ones). */
export const updatableFields = {
  populations: z.array(PopulationCode).min(1).max(10),
  sex: z.enum(sexes),
  genderIdentity: z.enum(genderIdentities).nullable(),
  birthYear: BirthYear.max(2100).nullable(),
  entryDoor: z.enum(entryDoors).nullable(),
  /** Contact phone, only with the person's consent; encrypted at rest. */
  phone: text().trim().regex(/^\+?[0-9 ]{6,20}$/, { message: 'format:phone' }).nullable(),
  contactConsent: z.boolean(),
  /** Free notes, visible only to roles allowed to read notes. */
  notes: text().max(5000).nullable(),
};

const beneficiaryFields = {
  populations: updatableFields.populations,
  sex: updatableFields.sex,
  genderIdentity: updatableFields.genderIdentity.default(null),
  birthYear: updatableFields.birthYear.default(null),
  entryDoor: updatableFields.entryDoor.default(null),
  profile: BeneficiaryProfile.default(noProfile),
  phone: updatableFields.phone.default(null),
  contactConsent: updatableFields.contactConsent.default(false),
  notes: updatableFields.notes.default(null),
};

/** Registration: the code first; then the record. The attributes that built the code are never sent. */
export const RegisterBeneficiary = z.object({
  id: Id.optional(),
  code: text().trim().min(1).max(40),
  /** The section (or site) of registration; defaults to the user's unit when she has one. */
  orgUnitId: Id,
  registeredOn: PastDate,
  ...beneficiaryFields,
  /** Candidates the user saw and declared "not the same person". */
  distinctFrom: z.array(Id).max(50).default([]),
});
export type RegisterBeneficiary = z.infer<typeof RegisterBeneficiary>;

/** A record's version (ADR 0036): 1 at registration, one more at each change of its fields. */
export const RecordVersion = z.number().int().min(1).max(2_147_483_647);

/**
 * An update changes exactly the fields it names (a reader who cannot see the phone cannot erase it
 * by omission). `baseVersion`: the version of the record the edit was made on; a field changed on
 * the server since then and set to another value by the edit is a 409 `edit_conflict` (ADR 0036).
 */
export const UpdateBeneficiary = z.object({ ...updatableFields, profile: z.object(profileFields).partial(), baseVersion: RecordVersion }).partial();
export type UpdateBeneficiary = z.infer<typeof UpdateBeneficiary>;

export const Beneficiary = z.object({
  id: Id,
  code: text(),
  /** Codes of persons merged into this one: typing them opens this record. */
  aliases: z.array(text()),
  populations: z.array(text()),
  sex: z.enum(sexes),
  genderIdentity: z.enum(genderIdentities).nullable(),
  birthYear: z.number().int().nullable(),
  registeredOn: text(),
  registeredUnit: z.object({ id: Id, code: text(), name: text() }),
  registeredBy: z.object({ id: Id, displayName: text() }).nullable(),
  entryDoor: z.enum(entryDoors).nullable(),
  profile: z.object({
    maritalStatus: z.enum(maritalStatuses).nullable(),
    schooling: z.enum(schoolings).nullable(),
    housing: z.enum(housings).nullable(),
    occupation: z.enum(occupations).nullable(),
    childrenInCharge: z.number().int().nullable(),
    healthCoverage: z.enum(healthCoverages).nullable(),
  }),
  /** Null when the reader may not see contacts, or there is none. */
  phone: text().nullable(),
  hasPhone: z.boolean(),
  contactConsent: z.boolean(),
  /** Null when the reader may not read notes. */
  notes: text().nullable(),
  /** Units where the person is known (registered or served) and the reader may see. */
  units: z.array(z.object({ id: Id, code: text(), name: text(), since: text() })),
  lastSeenOn: text(),
  mergedInto: Id.nullable(),
  /** When her identifying data was erased on her request (ADR 0026); absent or null otherwise. */
  erasedAt: text().nullable().optional(),
  updatedAt: text(),
  /** Raised by each change of a field: an edit sends it back as its `baseVersion` (ADR 0036). */
  version: RecordVersion,
});
export type Beneficiary = z.infer<typeof Beneficiary>;

/** A field's value in an edit conflict: as the record shows it. */
const ConflictValue = z.union([text(), z.number(), z.boolean(), z.null(), z.array(text())]);

/** The body's `conflict` of a 409 `edit_conflict` (and of a sync rejection): each field changed on both sides. */
export const EditConflict = z.object({
  /** The record's version now: the base of an edit that settles the conflict. */
  version: RecordVersion,
  fields: z.array(
    z.object({
      /** The field's path, as the update names it (`birthYear`, `profile.housing`). */
      field: text(),
      server: ConflictValue,
      mine: ConflictValue,
      changedAt: text().nullable(),
      changedBy: z.object({ id: Id, displayName: text() }).nullable(),
      hidden: z.boolean().optional(),
    }),
  ),
});
export type EditConflict = z.infer<typeof EditConflict>;

/** A reason two codes may be the same person, for the user to read. */
export const CodeMatchReason = z.object({ kind: text(), part: text().optional() });

/** Result of the code-first check. */
export const CodeCheckResult = z.object({
  code: text(),
  /** The typed code is malformed: what is wrong, per part. */
  problems: z.array(
    z.object({
      code: text(),
      part: text().optional(),
      from: z.number().optional(),
      to: z.number().optional(),
      value: text().optional(),
      expected: z.number().optional(),
      actual: z.number().optional(),
      /** What a right value looks like (`FAMO1985F`, or the part: `FA`). */
      example: text().optional(),
      message: text(),
    }),
  ),
  /** The person with this code (or alias) when the user may see her. */
  exact: z.object({ id: Id, code: text(), viaAlias: z.boolean() }).nullable(),
  /** The code exists in the organisation but outside the user's units: she may serve the person (claim). */
  existsElsewhere: z.boolean(),
  probable: z.array(
    z.object({
      /** Absent when the candidate is outside the user's units. */
      id: Id.optional(),
      code: text(),
      score: z.number(),
      reasons: z.array(CodeMatchReason),
      /** The reasons in words, in the request's language. */
      explanation: text(),
      inScope: z.boolean(),
    }),
  ),
});
export type CodeCheckResult = z.infer<typeof CodeCheckResult>;

export const CodeCheckQuery = z.object({ code: text().trim().min(1).max(40) });

/** Bring a person known elsewhere in the organisation into one's unit (to serve her). */
export const ClaimBeneficiary = z.object({ code: text().trim().min(1).max(40), orgUnitId: Id });

export const BeneficiarySearch = PageQuery.extend({
  code: text().trim().max(40).optional(),
  match: z.enum(['exact', 'prefix', 'fuzzy']).default('prefix'),
  population: PopulationCode.optional(),
  orgUnitId: Id.optional(),
  registeredBy: Id.optional(),
  seenFrom: z.iso.date().optional(),
  seenTo: z.iso.date().optional(),
  sort: z.enum(['code', 'registered_on', 'last_seen_on']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type BeneficiarySearch = z.infer<typeof BeneficiarySearch>;

export const BeneficiarySummary = z.object({
  id: Id,
  code: text(),
  populations: z.array(text()),
  sex: z.enum(sexes),
  birthYear: z.number().int().nullable(),
  registeredOn: text(),
  registeredUnit: z.object({ id: Id, code: text(), name: text() }),
  registeredBy: z.object({ id: Id, displayName: text() }).nullable(),
  lastSeenOn: text(),
  score: z.number().optional(),
});
export const BeneficiaryPage = cappedPageOf(BeneficiarySummary);

/** A pair of records that may be one person, for the coordinators' review queue. */
export const DuplicatePair = z.object({
  a: BeneficiarySummary,
  b: BeneficiarySummary,
  score: z.number(),
  reasons: z.array(CodeMatchReason),
  explanation: text(),
});
export const DuplicatePage = cappedPageOf(DuplicatePair);
export const PairParams = z.object({ a: Id, b: Id });

export const MergeRequest = z.object({
  /** The record kept. */
  keepId: Id,
  /** The record merged into it; its code becomes an alias. */
  mergeId: Id,
});
export const MergeResult = z.object({ mergeId: Id, kept: Beneficiary });
export const Merge = z.object({
  id: Id,
  keptId: Id,
  keptCode: text(),
  mergedId: Id,
  mergedCode: text(),
  mergedAt: text(),
  mergedBy: text(),
  undoneAt: text().nullable(),
});
export const MergeList = z.object({ items: z.array(Merge) });

/** Saved working lists: a name and search filters; `shared` lists are seen by the unit's coordinators. */
export const SavedListInput = z.object({
  id: Id.optional(),
  name: text().trim().min(1).max(100),
  filters: BeneficiarySearch.omit({ limit: true, offset: true }).partial().extend({ notSeenForDays: z.number().int().min(1).max(3650).optional() }),
  shared: z.boolean().default(false),
});
export const SavedList = SavedListInput.extend({ id: Id, ownerId: Id, builtIn: z.boolean() });
export const SavedListList = z.object({ items: z.array(SavedList) });

/** The organisation's registry settings: code scheme and population vocabulary. */
export const CodeComponentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('name'), attribute: z.enum(nameAttributes), letters: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('birth_year'), digits: z.union([z.literal(2), z.literal(4)]) }),
  z.object({ kind: z.literal('birth_day') }),
  z.object({ kind: z.literal('birth_month') }),
  z.object({ kind: z.literal('sex') }),
  z.object({ kind: z.literal('birth_order'), digits: z.union([z.literal(1), z.literal(2)]) }),
  z.object({ kind: z.literal('district'), length: z.number().int().min(1).max(6) }),
]);
export const RegistrySettings = z.object({
  codeScheme: z.object({ components: z.array(CodeComponentSchema).min(2).max(8) }),
  populations: z.array(PopulationCode).min(1).max(30),
});
export type RegistrySettings = z.infer<typeof RegistrySettings>;
