import type { Translations } from '@relais/core';

/**
 * The semester report screen's words (web catalogue), in the three languages side by side; spread
 * at the end of web/src/i18n/{fr,ar,en}.ts. The report's own words (sections, table heads) are the
 * core catalogue's `semester.*`, shared with the XLSX.
 */
export const semesterWebFr = {
  'shell.semester': 'Rapport semestriel',
  'home.card.semester': 'Les résultats d’un semestre comme le bailleur les reçoit : sensibilisation, prise en charge par clinique, typologie des violences.',
  'semester.intro': 'Les résultats d’un semestre tels qu’ils sont transmis au bailleur ; chaque chiffre vient des indicateurs du programme.',
  'semester.choosePeriod': 'Semestre',
  'semester.current': '{period} (en cours)',
  'semester.chooseUnit': 'Unité',
  'semester.inProgress': 'Semestre en cours : ses chiffres changeront jusqu’au {to}.',
  'semester.heading': '{program} — {period}',
  'semester.printedOn': 'Édité le {day}',
} as const;

export const semesterWebEn: Translations<typeof semesterWebFr> = {
  'shell.semester': 'Semester report',
  'home.card.semester': 'A semester’s results as the donor receives them: awareness, care by clinic, the violence typology.',
  'semester.intro': 'A semester’s results as they are sent to the donor; each figure comes from the program’s indicators.',
  'semester.choosePeriod': 'Semester',
  'semester.current': '{period} (in progress)',
  'semester.chooseUnit': 'Unit',
  'semester.inProgress': 'Semester in progress: its figures will change until {to}.',
  'semester.heading': '{program} — {period}',
  'semester.printedOn': 'Printed on {day}',
};

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
