import type { quickContactFr } from './quick-contact.i18n.ts';
import type { Translations } from '@relais/core';

/** English (keys of quickContactFr; the French in quick-contact.i18n.ts): a chunk of its own with the English catalogue (ADR 0043). */
export const quickContactEn: Translations<typeof quickContactFr> = {
  'shell.quickContact': 'Quick contact',
  'home.card.quickContact': 'The code, then one pictogram per thing given: three taps in the street, even without a network.',
  'quick.title': 'Quick contact',
  'quick.intro': 'The person’s code, then tap what you gave. Saved even without a network.',
  'quick.given': 'What you gave',
  'quick.quantityOf': 'Quantity: {service}',
  'quick.less': 'One less: {service}',
  'quick.more': 'One more: {service}',
  'quick.save': 'Save ({count})',
  'quick.tapFirst': 'Tap what you gave',
  'quick.settings': 'Program, place and pictogram mode',
  'quick.lowLiteracy': 'Pictogram mode',
  'quick.lowLiteracyHint': 'The field screens show pictures first; “Record services” opens quick contact. Kept for your next logins, on all your phones.',
  'literacy.held': 'No network: applied on this phone, sent to the server when the network returns.',
  'literacy.account': 'Display',
  'quick.fullForm': 'Full form (tests, support, an earlier date)',
};
