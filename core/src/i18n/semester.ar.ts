import type { Translations } from './translations.ts';
import type { semesterFr } from './semester.ts';

/** Arabic (keys of semesterFr; the French in semester.ts): a file of its own, so the web loads one language (ADR 0043). */
export const semesterAr: Translations<typeof semesterFr> = {
  'semester.title': 'التقرير نصف السنوي',
  'semester.unit': 'الوحدة',
  'semester.unit.all': 'كل الوحدات',
  'semester.dates': 'من {from} إلى {to}',
  'semester.section.awareness': 'الإعلام والتحسيس',
  'semester.section.care': 'الرعاية والدعم',
  'semester.section.biomedical': 'الخدمات الطبية الحيوية',
  'semester.section.psychological': 'الدعم النفسي',
  'semester.section.social': 'الدعم الاجتماعي',
  'semester.section.legal': 'الدعم القانوني',
  'semester.section.autonomy': 'التمكين والدعم',
  'semester.section.follow_up': 'تتبع الملفات والاستبقاء',
  'semester.section.typology': 'أنواع العنف المتعرَّض له وتكراره',
  'semester.section.stories': 'قصص التغيير الأكثر أهمية',
  'semester.care.byClinic': 'الناجيات المتكفَّل بهن، حسب العيادة',
  'semester.care.clinic': 'العيادة',
  'semester.care.persons': 'الأشخاص',
  'semester.care.none': 'لم يتم التكفل بأي ناجية خلال هذا النصف من السنة.',
  'semester.typology.violence': 'العنف',
  'semester.typology.cases': 'الملفات المفتوحة',
  'semester.typology.share': 'النسبة',
  'semester.typology.total': 'مجموع الملفات المفتوحة خلال نصف السنة',
  'semester.typology.none': 'لم يُفتح أي ملف خلال هذا النصف من السنة.',
  'semester.stories.none': 'لم تُختر أي قصة لهذا النصف من السنة.',
};
