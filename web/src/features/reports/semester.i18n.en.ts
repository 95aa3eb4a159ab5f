import type { semesterWebFr } from './semester.i18n.ts';
import type { Translations } from '@relais/core';

/** English (keys of semesterWebFr; the French in semester.i18n.ts): a chunk of its own with the English catalogue (ADR 0043). */
export const semesterWebEn: Translations<typeof semesterWebFr> = {
  'shell.semester': 'Semester report',
  'home.card.semester': 'A semester’s results as the donor receives them: awareness, care by clinic, the violence typology.',
  'semester.intro': 'A semester’s results as they are sent to the donor; each figure comes from the program’s indicators.',
  'semester.choosePeriod': 'Semester',
  'semester.current': '{period} (in progress)',
  'semester.chooseUnit': 'Unit',
  'semester.inProgress': 'Semester in progress: its figures will change until {to}.',
  'semester.heading': '{program} — {period}',
  'semester.printedOn': 'Printed on {day}',
};
