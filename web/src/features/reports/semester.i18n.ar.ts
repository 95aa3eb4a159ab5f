import type { semesterWebFr } from './semester.i18n.ts';
import type { Translations } from '@relais/core';

/** Arabic (keys of semesterWebFr; the French in semester.i18n.ts): a chunk of its own with the Arabic catalogue (ADR 0043). */
export const semesterWebAr: Translations<typeof semesterWebFr> = {
  'shell.semester': 'التقرير نصف السنوي',
  'home.card.semester': 'نتائج نصف سنة كما تتلقاها الجهة المانحة: التحسيس، التكفل حسب العيادة، تصنيف أنواع العنف.',
  'semester.intro': 'نتائج نصف سنة كما تُرسل إلى الجهة المانحة؛ كل رقم مأخوذ من مؤشرات البرنامج.',
  'semester.choosePeriod': 'نصف السنة',
  'semester.current': '{period} (جارٍ)',
  'semester.chooseUnit': 'الوحدة',
  'semester.inProgress': 'نصف السنة جارٍ: ستتغير أرقامه إلى غاية {to}.',
  'semester.heading': '{program} — {period}',
  'semester.printedOn': 'طُبع في {day}',
};
