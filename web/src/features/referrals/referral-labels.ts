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

/** Organisation codes as typed: separated by commas, semicolons or spaces, in capitals, each once. */
export function codesOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];
}
