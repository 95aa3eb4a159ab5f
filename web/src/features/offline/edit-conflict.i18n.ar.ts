import type { editConflictWebFr } from './edit-conflict.i18n.ts';
import type { Translations } from '@relais/core';

/** Arabic (keys of editConflictWebFr; the French in edit-conflict.i18n.ts): a chunk of its own with the Arabic catalogue (ADR 0043). */
export const editConflictWebAr: Translations<typeof editConflictWebFr> = {
  'outbox.kind.update_beneficiary': 'تعديل ملف',
  'editConflict.title': 'تم تعديل الملف {code} في الأثناء',
  'editConflict.intro': 'غيّر شخص آخر نفس الخانات التي غيّرتها. اختر لكل خانة القيمة التي تريد الاحتفاظ بها. تغييراتك الأخرى تُرسَل كما هي.',
  'editConflict.mine': 'قيمتي: {value}',
  'editConflict.server': 'القيمة الحالية في الملف: {value}',
  'editConflict.changedBy': 'غيّرها {name} في {date}',
  'editConflict.changedOn': 'تغيّرت في {date}',
  'editConflict.hidden': 'غير مرئية لك',
  'editConflict.empty': 'فارغة',
  'editConflict.send': 'إرسال اختياراتي',
  'editConflict.chooseAll': 'اختر قيمة لكل خانة.',
  'editConflict.later': 'لاحقا',
  'editConflict.drop': 'التخلي عن تعديلي',
  'editConflict.dropBody': 'ستضيع تغييراتك على هذا الملف: يحتفظ بقيمه الحالية.',
  'editConflict.settle': 'اختيار القيم',
  'editConflict.toDecide': 'ننتظر اختيارك',
};
