import type { personCardFr } from './person-card.i18n.ts';
import type { Translations } from '@relais/core';

/** Arabic (keys of personCardFr; the French in person-card.i18n.ts): a chunk of its own with the Arabic catalogue (ADR 0043). */
export const personCardAr: Translations<typeof personCardFr> = {
  'card.open': 'بطاقة برمز QR للطباعة',
  'scan.button': 'مسح البطاقة',
  'scan.photo': 'صورة البطاقة (رمز QR)',
};
