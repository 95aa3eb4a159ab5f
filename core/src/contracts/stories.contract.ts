import { z } from 'zod';
import { Id, PageQuery, cappedPageOf, text } from './common.ts';
import { PastDate } from './beneficiaries.contract.ts';
import { programCodes } from '../domain/programs.ts';
import { storyConsentScopes } from '../domain/cases.ts';

/**
 * Most significant change (Davies & Dart): stories of change told by beneficiaries, classed in
 * domains, and the selection rounds where a panel chooses one story per domain with its written
 * reasons. The story and its significance are sealed at rest; only an anonymised text, approved
 * by the storyteller, leaves the organisation, and only while her consent to that use lasts.
 */

/** A domain of change's code (the list is an organisation setting, `defaultChangeDomains` by default). */
export const ChangeDomainCode = text().trim().min(1).max(40).regex(/^[a-z][a-z0-9_]*$/, { message: 'format:indicator_code' });
const StoryText = text().trim().min(1).max(20_000);
const Dates = { from: PastDate.nullable().default(null), to: PastDate.nullable().default(null) };

/** Collecting a story. */
export const StoryInput = z.object({
  /** Client-generated: a retried collection is applied once. */
  id: Id.optional(),
  beneficiaryId: Id,
  /** The case it belongs to, if any: of the same person and program. */
  caseId: Id.nullable().default(null),
  program: z.enum(programCodes),
  orgUnitId: Id,
  /** Defaults to the user. */
  collectedById: Id.optional(),
  collectedOn: PastDate,
  /** The period of the events told. */
  eventsFrom: Dates.from,
  eventsTo: Dates.to,
  domain: ChangeDomainCode,
  story: StoryText,
  /** Why it matters, in the storyteller's words. */
  significance: StoryText.nullable().default(null),
  /** What she consented to, each use separately; an expiry date is required with any. */
  consentScopes: z.array(z.enum(storyConsentScopes)).max(storyConsentScopes.length).default([]),
  consentExpiresOn: z.iso.date().nullable().default(null),
  /** The text she approved for sharing (no name, place or detail that identifies her). */
  anonymisedText: text().trim().min(1).max(5_000).nullable().default(null),
});
export type StoryInput = z.infer<typeof StoryInput>;

export const UpdateStory = z
  .object({
    eventsFrom: PastDate.nullable(),
    eventsTo: PastDate.nullable(),
    domain: ChangeDomainCode,
    story: StoryText,
    significance: StoryText.nullable(),
    consentScopes: z.array(z.enum(storyConsentScopes)).max(storyConsentScopes.length),
    consentExpiresOn: z.iso.date().nullable(),
    anonymisedText: text().trim().min(1).max(5_000).nullable(),
  })
  .partial();
export type UpdateStory = z.infer<typeof UpdateStory>;

const Person = z.object({ id: Id, displayName: text() });
const Unit = z.object({ id: Id, code: text(), name: text() });

export const StorySummary = z.object({
  id: Id,
  beneficiary: z.object({ id: Id, code: text() }),
  caseId: Id.nullable(),
  program: text(),
  orgUnit: Unit,
  collectedBy: Person,
  collectedOn: text(),
  eventsFrom: text().nullable(),
  eventsTo: text().nullable(),
  domain: text(),
  consentScopes: z.array(z.enum(storyConsentScopes)),
  consentExpiresOn: text().nullable(),
  /** The scopes whose consent holds today (given and not expired). */
  consentActive: z.array(z.enum(storyConsentScopes)),
  anonymisedText: text().nullable(),
});
export type StorySummary = z.infer<typeof StorySummary>;

/** One story with its texts (every read is audited). */
export const Story = StorySummary.extend({
  story: text(),
  significance: text().nullable(),
  can: z.object({ write: z.boolean() }),
});
export type Story = z.infer<typeof Story>;

export const StoryQuery = PageQuery.extend({
  program: z.enum(programCodes).optional(),
  orgUnitId: Id.optional(),
  beneficiaryId: Id.optional(),
  domain: ChangeDomainCode.optional(),
});
export type StoryQuery = z.infer<typeof StoryQuery>;
export const StoryPage = cappedPageOf(StorySummary);

/** A selection round: a panel reads the candidate stories of a period and chooses one per domain. */
export const ChangeRoundInput = z.object({
  id: Id.optional(),
  heldOn: PastDate,
  orgUnitId: Id,
  panel: text().trim().min(1).max(500),
  /** The period whose stories it reads: `2024`, `2024-S1`, `2024-Q3`, `2024-07`. */
  period: text().trim().regex(/^\d{4}(-S[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'format:period' }),
  storyIds: z.array(Id).min(1).max(200),
});
export type ChangeRoundInput = z.infer<typeof ChangeRoundInput>;

/** The panel's choice: one story per domain, each with the written reasons; the feedback given. */
export const RoundSelection = z.object({
  choices: z.array(z.object({ storyId: Id, reasons: text().trim().min(1).max(5_000) })).max(50),
  feedback: text().trim().min(1).max(5_000).nullable().default(null),
  feedbackOn: PastDate.nullable().default(null),
});
export type RoundSelection = z.infer<typeof RoundSelection>;

export const RoundCandidate = z.object({
  storyId: Id,
  /** Null when the reader may not read the story (she sees its domain and anonymised text only). */
  beneficiaryCode: text().nullable(),
  domain: text(),
  collectedOn: text(),
  anonymisedText: text().nullable(),
  /** The story, when the reader may read it (audited); else null. */
  story: text().nullable(),
  significance: text().nullable(),
  selected: z.boolean(),
  reasons: text().nullable(),
});

export const ChangeRound = z.object({
  id: Id,
  heldOn: text(),
  orgUnit: Unit,
  panel: text(),
  periodFrom: text(),
  periodTo: text(),
  candidates: z.array(RoundCandidate),
  feedback: text().nullable(),
  feedbackOn: text().nullable(),
  createdBy: Person,
});
export type ChangeRound = z.infer<typeof ChangeRound>;

/** The rounds of units she may read, newest first. */
export const ChangeRoundList = z.object({
  items: z.array(z.object({ id: Id, heldOn: text(), orgUnit: Unit, panel: text(), periodFrom: text(), periodTo: text(), candidates: z.number().int(), chosen: z.number().int() })),
});
export type ChangeRoundList = z.infer<typeof ChangeRoundList>;

/** `GET /stories/selected`: the donor-facing list (the semester report shows it). */
export const SelectedStoriesQuery = z.object({
  period: text().trim().regex(/^\d{4}(-S[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'format:period' }),
  program: z.enum(programCodes).optional(),
  orgUnitId: Id,
});
export const SelectedStory = z.object({
  storyId: Id,
  roundId: Id,
  heldOn: text(),
  domain: text(),
  /** The anonymised text only: never the story, nor who told it. */
  anonymisedText: text(),
});
export const SelectedStories = z.object({ items: z.array(SelectedStory) });
export type SelectedStories = z.infer<typeof SelectedStories>;

export const StorySettings = z.object({ domains: z.array(ChangeDomainCode).min(1).max(30) });
export type StorySettings = z.infer<typeof StorySettings>;
