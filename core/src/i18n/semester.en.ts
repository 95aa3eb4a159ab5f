import type { Translations } from './translations.ts';
import type { semesterFr } from './semester.ts';

/** English (keys of semesterFr; the French in semester.ts): a file of its own, so the web loads one language (ADR 0043). */
export const semesterEn: Translations<typeof semesterFr> = {
  'semester.title': 'Semester report',
  'semester.unit': 'Unit',
  'semester.unit.all': 'All units',
  'semester.dates': 'from {from} to {to}',
  'semester.section.awareness': 'Information and awareness',
  'semester.section.care': 'Care and support',
  'semester.section.biomedical': 'Biomedical services',
  'semester.section.psychological': 'Psychological support',
  'semester.section.social': 'Social support',
  'semester.section.legal': 'Legal support',
  'semester.section.autonomy': 'Empowerment and support',
  'semester.section.follow_up': 'Case follow-up and retention',
  'semester.section.typology': 'Types and frequency of the violence suffered',
  'semester.section.stories': 'Most significant change stories',
  'semester.care.byClinic': 'Survivors cared for, by clinic',
  'semester.care.clinic': 'Clinic',
  'semester.care.persons': 'Persons',
  'semester.care.none': 'No survivor cared for in the semester.',
  'semester.typology.violence': 'Violence',
  'semester.typology.cases': 'Cases opened',
  'semester.typology.share': 'Share',
  'semester.typology.total': 'All cases opened in the semester',
  'semester.typology.none': 'No case opened in the semester.',
  'semester.stories.none': 'No story selected for this semester.',
};
