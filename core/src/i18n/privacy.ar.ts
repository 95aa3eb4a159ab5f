import type { Translations } from './translations.ts';
import type { privacyFr } from './privacy.ts';

/** Arabic (keys of privacyFr; the French in privacy.ts): a file of its own, so the web loads one language (ADR 0043). */
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
