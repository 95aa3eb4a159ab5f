/**
 * The semester report screen's words (web catalogue), in French (Arabic and English in the .ar.ts and .en.ts beside it); spread
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
