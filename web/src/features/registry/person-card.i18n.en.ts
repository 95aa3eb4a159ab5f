import type { personCardFr } from './person-card.i18n.ts';
import type { Translations } from '@relais/core';

/** English (keys of personCardFr; the French in person-card.i18n.ts): a chunk of its own with the English catalogue (ADR 0043). */
export const personCardEn: Translations<typeof personCardFr> = {
  'card.open': 'Card with QR code to print',
  'scan.button': 'Scan the card',
  'scan.photo': 'Photo of the card (QR code)',
};
