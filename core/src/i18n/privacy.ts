import type { Translations } from './translations.ts';

/**
 * The words of the person's rights under law 09-08 (issue 18, ADR 0026): errors, fields, audit
 * actions, in the three languages side by side; spread into fr.ts, ar.ts and en.ts.
 */
export const privacyFr = {
  'error.person_erased': 'Les données de cette personne ont été effacées à sa demande : sa fiche ne peut plus être modifiée ni effacée à nouveau.',
  'field.contact_phone': 'Téléphone de contact',
  'field.closed_cases': 'Dossiers clôturés',
  'field.audit_log': 'Journal d’audit',
  'audit.beneficiary.erase': 'Données d’une personne effacées à sa demande',
  'audit.beneficiary.subject_access': 'Export de tout ce qui est détenu sur une personne (droit d’accès)',
  'audit.retention.settings': 'Durées de conservation modifiées',
  'audit.retention.run': 'Conservation appliquée (suppressions et anonymisations)',
  'audit.privacy.register': 'Registre des traitements consulté',
};

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

export const privacyAr: Translations<typeof privacyFr> = {
  'error.person_erased': 'مُحيت بيانات هذا الشخص بطلب منه: لم يعد ممكنا تعديل ملفه أو محوه من جديد.',
  'field.contact_phone': 'هاتف الاتصال',
  'field.closed_cases': 'الملفات المغلقة',
  'field.audit_log': 'سجل التدقيق',
  'audit.beneficiary.erase': 'محو بيانات شخص بطلب منه',
  'audit.beneficiary.subject_access': 'تصدير كل ما هو محفوظ عن شخص (حق الاطلاع)',
  'audit.retention.settings': 'تعديل مدد الحفظ',
  'audit.retention.run': 'تطبيق مدد الحفظ (حذف وإخفاء الهوية)',
  'audit.privacy.register': 'الاطلاع على سجل المعالجات',
};
