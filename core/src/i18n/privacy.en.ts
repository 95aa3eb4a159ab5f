import type { Translations } from './translations.ts';
import type { privacyFr } from './privacy.ts';

/** English (keys of privacyFr; the French in privacy.ts): a file of its own, so the web loads one language (ADR 0043). */
export const privacyEn: Translations<typeof privacyFr> = {
  'error.person_erased': 'This person’s data was erased at her request: her record can no longer be changed or erased again.',
  'field.contact_phone': 'Contact phone',
  'field.closed_cases': 'Closed cases',
  'field.audit_log': 'Audit log',
  'audit.beneficiary.erase': 'A person’s data erased at her request',
  'audit.beneficiary.subject_access': 'Export of everything held about a person (right of access)',
  'audit.retention.settings': 'Retention periods changed',
  'audit.retention.run': 'Retention applied (deletions and anonymisations)',
  'audit.privacy.register': 'Register of processing viewed',
};
