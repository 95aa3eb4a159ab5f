import { consentHolds, type ConsentField, type ConsentPurpose } from '@relais/core';
import type { I18n } from '../../i18n/i18n.tsx';
import type { ConsentData, ReferralData } from './referrals-api.ts';

type Labels = Pick<I18n, 't'>;

/** Where a consent stands today: holds, expired, or withdrawn. */
export type ConsentState = 'holds' | 'expired' | 'withdrawn' | 'not_yet';

export function consentState(c: Pick<ConsentData, 'givenOn' | 'expiresOn' | 'withdrawnAt'>, today: string): ConsentState {
  if (c.withdrawnAt) return 'withdrawn';
  if (consentHolds({ givenOn: c.givenOn, expiresOn: c.expiresOn, withdrawn: false }, today)) return 'holds';
  return c.expiresOn < today ? 'expired' : 'not_yet';
}

/** A consent's receivers in one line: organisations on Relais (name and code), then directory services. */
export function consentReceivers(c: Pick<ConsentData, 'to' | 'toServices'>): string {
  return [...c.to.map((o) => (o.name && o.name !== o.code ? `${o.name} (${o.code})` : o.code)), ...c.toServices.map((s) => s.name)].join(' · ');
}

/** The receiver of a referral in words: the organisation on Relais, or the directory service. */
export function receiverName(r: Pick<ReferralData, 'toOrganisation' | 'toService'>): string {
  if (r.toOrganisation) return r.toOrganisation.name || r.toOrganisation.code;
  return r.toService?.name ?? '';
}

export const purposeLabel = (i18n: Labels, p: ConsentPurpose) => i18n.t(`referrals.purpose.${p}`);
export const fieldLabel = (i18n: Labels, f: ConsentField) => i18n.t(`referrals.shared.${f}`);

/**
 * The fields a referral shares, as the sender sees it: those of her consent that holds today and
 * covers the receiver for a referral (the newest, as the server chose it); a referral sent by override shares the need only.
 */
export function sharedFields(r: Pick<ReferralData, 'toOrganisation' | 'toService' | 'overridden'>, consents: readonly ConsentData[], today: string): Set<ConsentField> {
  if (r.overridden) return new Set(['need']);
  const covering = consents.filter(
    (c) =>
      consentState(c, today) === 'holds' &&
      c.purposes.includes('referral') &&
      (r.toOrganisation ? c.to.some((o) => o.code === r.toOrganisation?.code) : c.toServices.some((s) => s.id === r.toService?.id)),
  );
  // The server takes the newest consent that covers the receiver (the list comes newest first).
  return new Set(covering[0]?.fields ?? []);
}

/** Organisation codes as typed: separated by commas, semicolons or spaces, in capitals, each once. */
export function codesOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];
}
