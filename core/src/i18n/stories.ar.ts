import type { Translations } from './translations.ts';
import type { storiesFr } from './stories.ts';

/** Arabic (keys of storiesFr; the French in stories.ts): a file of its own, so the web loads one language (ADR 0043). */
export const storiesAr: Translations<typeof storiesFr> = {
  'validation.one_per_domain': '{field}: قصة واحدة مختارة لكل مجال تغيير.',
  'field.story': 'القصة',
  'field.significance': 'لماذا هي مهمة (بكلماته أو بكلماتها)',
  'field.domain': 'مجال التغيير',
  'field.collectedById': 'جمعها',
  'field.collectedOn': 'تاريخ الجمع',
  'field.eventsFrom': 'فترة الأحداث: من',
  'field.eventsTo': 'فترة الأحداث: إلى',
  'field.consentScopes': 'الموافقة (الاستعمالات)',
  'field.consentExpiresOn': 'الموافقة سارية حتى',
  'field.anonymisedText': 'النص المجهول الهوية للمشاركة',
  'field.heldOn': 'تاريخ الاختيار',
  'field.panel': 'لجنة الاختيار',
  'field.storyIds': 'القصص المرشحة',
  'field.choices': 'الاختيارات',
  'field.feedback': 'الرد المقدم',
  'field.feedbackOn': 'تاريخ الرد',
  'field.domains': 'مجالات التغيير',
  'field.period': 'الفترة',
  'audit.story.create': 'جمع قصة تغيير',
  'audit.story.read': 'قراءة قصة تغيير',
  'audit.story.list': 'الاطلاع على قائمة القصص',
  'audit.story.update': 'تعديل قصة تغيير',
  'audit.story.round': 'جلسة اختيار القصص',
  'audit.story.selection': 'اختيار القصص الأكثر دلالة',
  'audit.story.settings': 'مجالات التغيير',
};
