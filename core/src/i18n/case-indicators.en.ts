import type { Translations } from './translations.ts';
import type { caseIndicatorsFr } from './case-indicators.ts';

/** English (keys of caseIndicatorsFr; the French in case-indicators.ts): a file of its own, so the web loads one language (ADR 0043). */
export const caseIndicatorsEn: Translations<typeof caseIndicatorsFr> = {
  'indicator.survivors_cared': 'Survivors cared for',
  'indicator.biomedical_served': 'Biomedical care',
  'indicator.tested_any': 'Persons tested (HIV, syphilis, HBV, HCV, pregnancy)',
  'indicator.sti_treated': 'Persons treated for an STI',
  'indicator.medical_other_served': 'Other medical support',
  'indicator.pep_within_72h': 'Referred for PEP within 72 h',
  'indicator.psychological_served': 'Psychological support',
  'indicator.psychiatric_referred': 'Referred to psychiatry',
  'indicator.social_served': 'Socio-economic support',
  'indicator.legal_served': 'Legal and administrative support',
  'indicator.in_vocational_training': 'In vocational training',
  'indicator.placed_in_job': 'Placed in a job',
  'indicator.sensitised': 'Persons sensitised',
  'indicator.cases_opened': 'Cases opened',
  'indicator.cases_open_at_start': 'Cases open at the start of the period',
  'indicator.cases_retained': 'Cases followed (a contact in the period)',
  'indicator.retention_rate': 'Retention rate',
  'indicator.lost_to_follow_up': 'Cases closed as lost to follow-up',
  'report.dimension.violence_type': 'Type of violence',
  'report.dimension.violence_family': 'Family of violence',
  'report.dimension.entry_door': 'Entry door',
};
