import type { Translations } from './translations.ts';
import type { storiesFr } from './stories.ts';

/** English (keys of storiesFr; the French in stories.ts): a file of its own, so the web loads one language (ADR 0043). */
export const storiesEn: Translations<typeof storiesFr> = {
  'validation.one_per_domain': '{field}: one chosen story per domain of change.',
  'field.story': 'Story',
  'field.significance': 'Why it matters (in her or his words)',
  'field.domain': 'Domain of change',
  'field.collectedById': 'Collected by',
  'field.collectedOn': 'Collected on',
  'field.eventsFrom': 'Events: from',
  'field.eventsTo': 'Events: to',
  'field.consentScopes': 'Consent (uses)',
  'field.consentExpiresOn': 'Consent valid until',
  'field.anonymisedText': 'Anonymised text for sharing',
  'field.heldOn': 'Selection date',
  'field.panel': 'Selection panel',
  'field.storyIds': 'Candidate stories',
  'field.choices': 'Choices',
  'field.feedback': 'Feedback given',
  'field.feedbackOn': 'Feedback date',
  'field.domains': 'Domains of change',
  'field.period': 'Period',
  'audit.story.create': 'Change story collected',
  'audit.story.read': 'Change story read',
  'audit.story.list': 'List of stories viewed',
  'audit.story.update': 'Change story changed',
  'audit.story.round': 'Story selection round',
  'audit.story.selection': 'Most significant stories chosen',
  'audit.story.settings': 'Domains of change',
};
