/**
 * What a person's card's QR code holds (ADR 0041): `RELAIS:<organisation code>:<code unique>`,
 * e.g. `RELAIS:ASSO:FAMO1985F`. The prefix tells a Relais card from any other QR code (a shop's
 * link, a payment code) so that nothing foreign lands in the code field; the organisation's code
 * tells one organisation's cards from another's (the same code unique may name two people in two
 * organisations). Nothing else about the person is in it.
 */
import { cleanTypedCode } from './code-scheme.ts';

const prefix = 'RELAIS';

/** The text of the QR code on the card of `code` in the organisation `organisationCode`. */
export function personCardPayload(organisationCode: string, code: string): string {
  return `${prefix}:${organisationCode.toUpperCase()}:${cleanTypedCode(code)}`;
}

/** What a scanned QR code says: a code unique of the user's organisation, or why it is refused. */
export type ScannedCard =
  | { ok: true; code: string }
  /** Not a Relais card (another QR code, or a damaged one). */
  | { ok: false; reason: 'not_a_card' }
  /** A Relais card of another organisation (named by its code). */
  | { ok: false; reason: 'other_organisation'; organisation: string };

const cardPattern = /^RELAIS:([A-Z0-9_-]{1,32}):([A-Z0-9]{1,40})$/;

/** Reads the text of a scanned QR code for the organisation `organisationCode`. */
export function readPersonCard(text: string, organisationCode: string): ScannedCard {
  const match = cardPattern.exec(text.trim());
  if (!match) return { ok: false, reason: 'not_a_card' };
  const [, organisation = '', code = ''] = match;
  if (organisation !== organisationCode.toUpperCase()) return { ok: false, reason: 'other_organisation', organisation };
  return { ok: true, code };
}
