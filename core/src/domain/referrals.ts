/**
 * Referrals between organisations (issue 15, MS2): a referral rests on the person's consent,
 * given to named receivers for named purposes and fields, until a date; the first organisation
 * keeps the record (a referral shares, it never transfers). States and their transitions are
 * this table; the server and the web both read it.
 */
export const consentPurposes = ['referral', 'care_coordination', 'reporting'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** The fields a consent may let a receiver see (nothing else of the record, ever). */
export const consentFields = ['code', 'sex', 'birth_year', 'need', 'phone', 'case_summary', 'notes'] as const;
export type ConsentField = (typeof consentFields)[number];

export const consentGivers = ['person', 'guardian', 'witnessed'] as const;

/** A consent lasts 12 months unless it says otherwise. */
export const DEFAULT_CONSENT_MONTHS = 12;

export const referralUrgencies = ['normal', 'urgent', 'emergency'] as const;
export type ReferralUrgency = (typeof referralUrgencies)[number];

export const referralStatuses = ['sent', 'accepted', 'declined', 'delivered', 'not_delivered', 'closed', 'withdrawn'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const notDeliveredReasons = ['did_not_come', 'not_eligible', 'no_capacity', 'other'] as const;

/**
 * Why the person is satisfied or not with a service she was referred to (her feedback, recorded
 * by the sender's worker; aggregated for the network's coordination, never shown to the receiver).
 */
export const feedbackReasons = ['well_received', 'quick', 'helped', 'waited_too_long', 'not_respected', 'service_not_given', 'cost', 'distance', 'language', 'documents', 'other'] as const;
export type FeedbackReason = (typeof feedbackReasons)[number];

/** A referral can have the person's feedback once the receiver has answered (not while sent, not withdrawn). */
export function mayGiveFeedback(status: ReferralStatus): boolean {
  return status !== 'sent' && status !== 'withdrawn';
}

/** Days a sent referral may wait for an answer before it is flagged, unless the organisation sets otherwise. */
export const DEFAULT_UNANSWERED_AFTER_DAYS = 7;

/**
 * What a referral statistic counts (docs/indicators.md, "Referral indicators"), over the referrals
 * the organisation SENT in the period (a cohort by sending date), except `received` (those it
 * received): sent; accepted (answered yes, whatever came next); delivered (the service given);
 * with the person's feedback; of those, satisfied; and the median days from sending to service.
 */
export const referralStats = ['sent', 'received', 'accepted', 'delivered', 'feedback', 'satisfied', 'median_days_to_service'] as const;
export type ReferralStat = (typeof referralStats)[number];

/** Who acts: the sending organisation or the receiving one. */
export type ReferralSide = 'sender' | 'receiver';
export const referralActions = ['accept', 'decline', 'deliver', 'not_delivered', 'withdraw', 'close'] as const;
export type ReferralAction = (typeof referralActions)[number];

/**
 * The transitions: from which states an action may be taken, by which side, to which state.
 * The receiver answers and records the outcome (the sender does it by hand for a receiver not on
 * Relais: a directory service); the sender withdraws before delivery and closes after the outcome.
 */
export const referralTransitions: Record<ReferralAction, { from: readonly ReferralStatus[]; by: readonly ReferralSide[]; to: ReferralStatus }> = {
  accept: { from: ['sent'], by: ['receiver'], to: 'accepted' },
  decline: { from: ['sent'], by: ['receiver'], to: 'declined' },
  deliver: { from: ['accepted'], by: ['receiver'], to: 'delivered' },
  not_delivered: { from: ['accepted'], by: ['receiver'], to: 'not_delivered' },
  withdraw: { from: ['sent', 'accepted'], by: ['sender'], to: 'withdrawn' },
  close: { from: ['delivered', 'not_delivered', 'declined'], by: ['sender'], to: 'closed' },
};

/**
 * May this side take this action on a referral in this state? For a receiver not on Relais (a
 * directory service) the sender records the receiver's answers and outcome by hand.
 */
export function mayTransition(action: ReferralAction, status: ReferralStatus, side: ReferralSide, receiverOnRelais: boolean): boolean {
  const t = referralTransitions[action];
  const sides: readonly ReferralSide[] = receiverOnRelais ? t.by : ['sender'];
  return t.from.includes(status) && sides.includes(side);
}

/** Does a consent hold on a day (given, not yet expired, not withdrawn)? */
export function consentHolds(c: { givenOn: string; expiresOn: string; withdrawn: boolean }, day: string): boolean {
  return !c.withdrawn && c.givenOn <= day && day <= c.expiresOn;
}

/** The default expiry of a consent given on a day: 12 months later, the day before. */
export function defaultConsentExpiry(givenOn: string): string {
  const d = new Date(`${givenOn}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + DEFAULT_CONSENT_MONTHS);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
