import type { Translations } from './translations.ts';
import type { caseIndicatorsFr } from './case-indicators.ts';

/** Arabic (keys of caseIndicatorsFr; the French in case-indicators.ts): a file of its own, so the web loads one language (ADR 0043). */
export const caseIndicatorsAr: Translations<typeof caseIndicatorsFr> = {
  'indicator.survivors_cared': 'الناجيات اللواتي تمت رعايتهن',
  'indicator.biomedical_served': 'الرعاية الطبية الحيوية',
  'indicator.tested_any': 'الأشخاص الذين أجروا فحصًا (فيروس نقص المناعة، الزهري، التهاب الكبد ب، التهاب الكبد ج، الحمل)',
  'indicator.sti_treated': 'الأشخاص الذين عولجوا من عدوى منقولة جنسيًا',
  'indicator.medical_other_served': 'دعم طبي آخر',
  'indicator.pep_within_72h': 'الموجَّهات إلى العلاج الوقائي بعد التعرض خلال 72 ساعة',
  'indicator.psychological_served': 'الدعم النفسي',
  'indicator.psychiatric_referred': 'الموجَّهات إلى الطب النفسي',
  'indicator.social_served': 'الدعم الاجتماعي والاقتصادي',
  'indicator.legal_served': 'المواكبة القانونية والإدارية',
  'indicator.in_vocational_training': 'في التكوين المهني',
  'indicator.placed_in_job': 'المدمجات في عمل',
  'indicator.sensitised': 'الأشخاص الذين تمت توعيتهم',
  'indicator.cases_opened': 'الملفات المفتوحة',
  'indicator.cases_open_at_start': 'الملفات المفتوحة في بداية الفترة',
  'indicator.cases_retained': 'الملفات المتابَعة (اتصال خلال الفترة)',
  'indicator.retention_rate': 'نسبة الاستبقاء',
  'indicator.lost_to_follow_up': 'الملفات المغلقة بسبب الانقطاع عن المتابعة',
  'report.dimension.violence_type': 'نوع العنف',
  'report.dimension.violence_family': 'فئة العنف',
  'report.dimension.entry_door': 'باب الدخول',
};
