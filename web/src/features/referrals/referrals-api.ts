/** Consent and referrals between organisations (issue 15); the core contracts parse every answer. */
import { Consent, Referral, ReferralPage, ReferralSettings, type ConsentInput, type FeedbackInput, type ReferralInput, type ReferralStatus } from '@relais/core';
import { request } from '../../api/client.ts';

export type ConsentData = Consent;
export type ReferralData = Referral;
export type ReferralBox = 'incoming' | 'outgoing';

const ConsentList = {
  parse(data: unknown): { items: Consent[] } {
    const items = (data as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) throw new Error('expected { items: [] }');
    return { items: items.map((c) => Consent.parse(c)) };
  },
};
const consents = (beneficiaryId: string) => `/beneficiaries/${encodeURIComponent(beneficiaryId)}/consents`;
const referral = (id: string) => `/referrals/${encodeURIComponent(id)}`;

export const listConsents = (beneficiaryId: string) => request('GET', consents(beneficiaryId), ConsentList);
/** Idempotent on the client-generated id. */
export const recordConsent = (beneficiaryId: string, body: ConsentInput) => request('POST', consents(beneficiaryId), Consent, { body });
export const withdrawConsent = (id: string) => request('POST', `/consents/${encodeURIComponent(id)}/withdraw`, Consent, { body: {} });

/** Idempotent on the client-generated id; `422 consent_required` when no consent covers the receiver. */
export const sendReferral = (body: ReferralInput) => request('POST', '/referrals', Referral, { body });
export const listReferrals = (q: { box: ReferralBox; status?: ReferralStatus | undefined; beneficiaryId?: string | undefined; from?: string; to?: string; orgUnitId?: string; limit?: number; offset?: number }) =>
  request('GET', '/referrals', ReferralPage, { query: q });
export const getReferral = (id: string) => request('GET', referral(id), Referral);

/** The URL segment of each action (`not_delivered` is `not-delivered`). */
export const actionPath = { accept: 'accept', decline: 'decline', deliver: 'deliver', not_delivered: 'not-delivered', withdraw: 'withdraw', close: 'close' } as const;
export const stepReferral = (id: string, action: keyof typeof actionPath, body: object = {}) => request('POST', `${referral(id)}/${actionPath[action]}`, Referral, { body });
export const giveFeedback = (id: string, body: FeedbackInput) => request('POST', `${referral(id)}/feedback`, Referral, { body });
/** Links the person the receiver registered in its own registry to the referral (a link, never a copy of the sender's record). */
export const linkReferral = (id: string, beneficiaryId: string) => request('POST', `${referral(id)}/link`, Referral, { body: { beneficiaryId } });
export const getReferralSettings = () => request('GET', '/referrals/settings', ReferralSettings);
export const putReferralSettings = (body: ReferralSettings) => request('PUT', '/referrals/settings', ReferralSettings, { body });
