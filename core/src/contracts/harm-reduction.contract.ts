import { z } from 'zod';
import { Id, text } from './common.ts';
import { PastDate } from './beneficiaries.contract.ts';
import { OST_MAX_DOSE_MG, OST_MAX_TAKE_AWAY_DAYS, anonymousServices, ostDispensingKinds, ostEndReasons } from '../domain/harm-reduction.ts';
import { serviceDefinitions } from '../domain/services.ts';

// Harm reduction (issue 17, ADR 0029): anonymous tallies at a site, and the OST register with its
// daily dispensing.

/** One line of a tally: a service given `count` times to people without a code (and the items handed out or collected). */
export const AnonymousLine = z
  .object({
    service: z.enum(anonymousServices),
    count: z.number().int().min(1).max(10_000),
    /** Items handed out or collected (kits, syringes, condoms, naloxone): required for those, absent for the others. */
    quantity: z.number().int().min(1).max(100_000).nullable().default(null),
  })
  .superRefine((l, ctx) => {
    const takes = serviceDefinitions[l.service].quantity !== undefined;
    if (takes && l.quantity === null) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'required' });
    if (!takes && l.quantity !== null) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'not_applicable' });
  });
export type AnonymousLine = z.infer<typeof AnonymousLine>;

/** An anonymous tally: what a site gave people without a code on a day. */
export const AnonymousTallyInput = z.object({
  /** Client-generated: a retried save is applied once. */
  id: Id.optional(),
  orgUnitId: Id,
  siteId: Id.nullable().default(null),
  date: PastDate,
  lines: z.array(AnonymousLine).min(1).max(anonymousServices.length),
});
export type AnonymousTallyInput = z.infer<typeof AnonymousTallyInput>;

/** A tally's line as stored. */
export const AnonymousRecord = z.object({
  id: Id,
  tallyId: Id,
  date: text(),
  orgUnit: z.object({ id: Id, name: text() }),
  site: z.object({ id: Id, name: text() }).nullable(),
  service: z.enum(anonymousServices),
  count: z.number().int(),
  quantity: z.number().int().nullable(),
  by: text(),
});
export type AnonymousRecord = z.infer<typeof AnonymousRecord>;
export const AnonymousTally = z.object({ tallyId: Id, items: z.array(AnonymousRecord) });
export type AnonymousTally = z.infer<typeof AnonymousTally>;
export const AnonymousQuery = z.object({ orgUnitId: Id, date: z.iso.date() });
export const AnonymousList = z.object({ items: z.array(AnonymousRecord) });
export const AnonymousParams = z.object({ id: Id });

const Dose = z.number().int().min(1).max(OST_MAX_DOSE_MG);
const Prescriber = text().trim().min(1).max(120);

/** Entering OST (a first entry, or a re-entry after an interruption): the person, the unit that dispenses, the prescription. */
export const OstEpisodeInput = z.object({
  id: Id.optional(),
  beneficiaryId: Id,
  orgUnitId: Id,
  startDate: PastDate,
  prescriber: Prescriber,
  doseMg: Dose,
});
export type OstEpisodeInput = z.infer<typeof OstEpisodeInput>;

/** A change of the daily dose from a day on. */
export const OstDoseInput = z.object({ fromDate: z.iso.date(), doseMg: Dose, prescriber: Prescriber.nullable().default(null) });
export type OstDoseInput = z.infer<typeof OstDoseInput>;

/** The end of an episode: the day it ended (not on OST that day) and why. */
export const OstEndInput = z.object({ endDate: PastDate, reason: z.enum(ostEndReasons), note: text().trim().max(500).nullable().default(null) });
export type OstEndInput = z.infer<typeof OstEndInput>;

export const OstEpisode = z.object({
  id: Id,
  beneficiary: z.object({ id: Id, code: text() }),
  orgUnit: z.object({ id: Id, name: text() }),
  startDate: text(),
  prescriber: text(),
  endDate: text().nullable(),
  endReason: z.enum(ostEndReasons).nullable(),
  /** A re-entry: the person had an episode before this one. */
  isReentry: z.boolean(),
  /** The dose history, oldest first. */
  doses: z.array(z.object({ fromDate: text(), doseMg: z.number().int(), prescriber: text().nullable() })),
});
export type OstEpisode = z.infer<typeof OstEpisode>;
export const OstEpisodeList = z.object({ items: z.array(OstEpisode) });
export const OstEpisodeQuery = z.object({ beneficiaryId: Id });
export const OstEpisodeParams = z.object({ id: Id });

/** One tap of the daily screen: a dose taken on site, taken away for some days, or the day missed. */
export const OstDispensingInput = z
  .object({
    id: Id.optional(),
    episodeId: Id,
    date: PastDate,
    kind: z.enum(ostDispensingKinds),
    /** Take-away: the days it covers (from `date`); 1 otherwise. */
    days: z.number().int().min(1).max(OST_MAX_TAKE_AWAY_DAYS).default(1),
  })
  .superRefine((d, ctx) => {
    if (d.kind !== 'take_away' && d.days !== 1) ctx.addIssue({ code: 'custom', path: ['days'], message: 'not_applicable' });
  });
export type OstDispensingInput = z.infer<typeof OstDispensingInput>;

export const OstDispensing = z.object({
  id: Id,
  date: text(),
  kind: z.enum(ostDispensingKinds),
  days: z.number().int(),
  /** The dose given (mg a day); null for a missed day. */
  doseMg: z.number().int().nullable(),
  /** The `ost_dose` service it recorded (null for a missed day). */
  serviceId: Id.nullable(),
  by: text(),
});
export type OstDispensing = z.infer<typeof OstDispensing>;

/** The day's list of a unit: every person expected, her dose, and what was recorded today (or the take-away that covers today). */
export const OstDayQuery = z.object({ orgUnitId: Id, date: z.iso.date() });
export const OstDayItem = z.object({
  episodeId: Id,
  beneficiary: z.object({ id: Id, code: text() }),
  doseMg: z.number().int().nullable(),
  today: OstDispensing.nullable(),
  /** A take-away of an earlier day covers today until this day (then nothing is expected today). */
  coveredUntil: text().nullable(),
});
export type OstDayItem = z.infer<typeof OstDayItem>;
export const OstDay = z.object({ date: text(), items: z.array(OstDayItem) });
export type OstDay = z.infer<typeof OstDay>;
export const OstDispensingParams = z.object({ id: Id });
