import { z } from 'zod';
import { Id, OrganisationCode, text } from './common.ts';
import { PastDate } from './beneficiaries.contract.ts';
import { consentFields, consentGivers, consentPurposes, feedbackReasons, notDeliveredReasons, referralStatuses, referralUrgencies } from '../domain/referrals.ts';
import { programCodes } from '../domain/programs.ts';

// Consent and referrals between organisations (issue 15). The names and shapes are the issue's
// (an acceptance check drives them): keep them.

export const ConsentInput = z
  .object({
    id: Id.optional(),
    /** Receiving organisations on the instance, by code. */
    to: z.array(OrganisationCode).max(50).default([]),
    /** Receivers not on Relais: directory services. */
    toServices: z.array(Id).max(50).default([]),
    purposes: z.array(z.enum(consentPurposes)).min(1),
    fields: z.array(z.enum(consentFields)).min(1),
    grantedBy: z.enum(consentGivers),
    givenOn: PastDate,
    expiresOn: z.iso.date().optional(),
    /** For consent given orally before a witness: who witnessed it. */
    witness: text().trim().max(200).nullable().default(null),
  })
  .refine((c) => c.to.length + c.toServices.length > 0, { path: ['to'], message: 'required' })
  .refine((c) => !c.expiresOn || c.expiresOn >= c.givenOn, { path: ['expiresOn'], message: 'ends_before_start' });
export type ConsentInput = z.infer<typeof ConsentInput>;

export const Consent = z.object({
  id: Id,
  beneficiaryId: Id,
  to: z.array(z.object({ code: text(), name: text() })),
  toServices: z.array(z.object({ id: Id, name: text() })),
  purposes: z.array(z.enum(consentPurposes)),
  fields: z.array(z.enum(consentFields)),
  grantedBy: z.enum(consentGivers),
  witness: text().nullable(),
  givenOn: text(),
  expiresOn: text(),
  withdrawnAt: text().nullable(),
  active: z.boolean(),
});
export type Consent = z.infer<typeof Consent>;

export const ReferralInput = z
  .object({
    id: Id.optional(),
    beneficiaryId: Id,
    caseId: Id.nullable().optional(),
    toOrganisation: OrganisationCode.optional(),
    toService: Id.optional(),
    consentId: Id.optional(),
    need: text().trim().min(1).max(200),
    /** The person's own needs as she states them (her words, kept apart from the worker's `need`). */
    statedNeeds: text().trim().max(1000).nullable().default(null),
    /** The kind of service needed (a directory service type); a directory service's own type by default. */
    serviceType: text().trim().min(1).max(60).optional(),
    /** The program it counts in: the case's when it has one, else this (else counted in no program's report). */
    program: z.enum(programCodes).optional(),
    urgency: z.enum(referralUrgencies).default('normal'),
    accompanied: z.boolean().default(false),
    interpretation: text().trim().max(40).nullable().default(null),
    note: text().trim().max(2000).nullable().default(null),
    /** Without consent: an emergency or the mandatory report of a child in danger (`referral.override`), with its reason; audited. */
    override: z.object({ reason: text().trim().min(10).max(500) }).optional(),
  })
  .refine((r) => (r.toOrganisation === undefined) !== (r.toService === undefined), { path: ['toOrganisation'], message: 'service_or_type' });
export type ReferralInput = z.infer<typeof ReferralInput>;

/** The person as a receiver sees her: only the consented fields (absent keys were not consented). */
export const SharedPerson = z.object({
  code: text().optional(),
  sex: text().optional(),
  birthYear: z.number().int().nullable().optional(),
  phone: text().nullable().optional(),
});

export const ReferralStep = z.object({ status: z.enum(referralStatuses), at: text(), by: text(), organisation: text(), reason: text().nullable() });

export const Referral = z.object({
  id: Id,
  reference: text(),
  status: z.enum(referralStatuses),
  /** `sender` or `receiver`: what the reader is to this referral. */
  side: z.enum(['sender', 'receiver']),
  from: z.object({ code: text(), name: text() }),
  toOrganisation: z.object({ code: text(), name: text() }).nullable(),
  toService: z.object({ id: Id, name: text() }).nullable(),
  urgency: z.enum(referralUrgencies),
  accompanied: z.boolean(),
  interpretation: text().nullable(),
  sentOn: text(),
  /** The sender's: the whole record's id; the receiver's: absent. */
  beneficiaryId: Id.optional(),
  caseId: Id.nullable().optional(),
  person: SharedPerson,
  /** Absent for a receiver when `need`, `notes` or `case_summary` were not consented. */
  need: text().optional(),
  /** The person's own words about her needs (for a receiver, with `need` consented). */
  statedNeeds: text().nullable().optional(),
  note: text().nullable().optional(),
  serviceType: text().nullable(),
  program: text().nullable(),
  /** The sender's: the person's feedback on the service (never shown to the receiver). */
  feedback: z.object({ satisfied: z.boolean(), reasons: z.array(z.enum(feedbackReasons)), comment: text().nullable(), givenOn: text() }).nullable().optional(),
  /** The sender's: the fields the receiver sees of the person today (the consent's, while it holds; the need alone for an override). */
  sharedFields: z.array(z.enum(consentFields)).optional(),
  /** The receiver's: its own record of the person, once registered from this referral. */
  linkedBeneficiaryId: Id.nullable().optional(),
  caseSummary: z.object({ program: text(), openedOn: text(), violenceType: text().nullable() }).nullable().optional(),
  overridden: z.boolean(),
  declineReason: text().nullable(),
  deliveredOn: text().nullable(),
  deliveryNote: text().nullable(),
  notDeliveredReason: text().nullable(),
  /** Days from sending to delivery. */
  daysToService: z.number().int().nullable(),
  /** Sent and not answered for more than the organisation's setting. */
  unanswered: z.boolean(),
  history: z.array(ReferralStep),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralQuery = z.object({
  box: z.enum(['incoming', 'outgoing']).default('outgoing'),
  status: z.enum(referralStatuses).optional(),
  beneficiaryId: Id.optional(),
  /** Sent on or after / on or before (`YYYY-MM-DD`): the referrals behind a report's number. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Sent from this unit or one under it (outgoing). */
  orgUnitId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReferralQuery = z.infer<typeof ReferralQuery>;
export const ReferralPage = z.object({ items: z.array(Referral), total: z.number().int() });

/** The person's feedback on the service she was referred to (recorded by the sender's worker). */
export const FeedbackInput = z.object({
  satisfied: z.boolean(),
  reasons: z.array(z.enum(feedbackReasons)).max(feedbackReasons.length).default([]),
  comment: text().trim().max(2000).nullable().default(null),
  givenOn: PastDate,
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;

/** The receiver links the person it registered in its own registry (a link, never a copy of the sender's record). */
export const LinkInput = z.object({ beneficiaryId: Id });

export const ReferralSettings = z.object({ unansweredAfterDays: z.number().int().min(1).max(90) });
export type ReferralSettings = z.infer<typeof ReferralSettings>;

export const DeclineInput = z.object({ reason: text().trim().min(1).max(500) });
export const DeliverInput = z.object({ deliveredOn: PastDate, note: text().trim().max(2000).nullable().default(null) });
export const NotDeliveredInput = z.object({ reason: z.enum(notDeliveredReasons), note: text().trim().max(2000).nullable().default(null) });
