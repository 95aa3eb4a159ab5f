/**
 * The semester report's words of the core catalogue (the screen and the XLSX share them), in French (Arabic and English in semester.ar.ts and semester.en.ts); spread into fr.ts, ar.ts and en.ts. Its figures are named by
 * their indicators (`indicator.<code>`).
 */
export const semesterFr = {
  'semester.title': 'Rapport semestriel',
  'semester.unit': 'Unité',
  'semester.unit.all': 'Toutes les unités',
  'semester.dates': 'du {from} au {to}',
  'semester.section.awareness': 'Information et sensibilisation',
  'semester.section.care': 'Soin et soutien',
  'semester.section.biomedical': 'Prestations biomédicales',
  'semester.section.psychological': 'Appui psychologique',
  'semester.section.social': 'Appui social',
  'semester.section.legal': 'Appui juridique',
  'semester.section.autonomy': 'Autonomisation et soutien',
  'semester.section.follow_up': 'Suivi des dossiers et rétention',
  'semester.section.typology': 'Types et fréquences des violences subies',
  'semester.section.stories': 'Récits de changement le plus significatif',
  'semester.care.byClinic': 'Survivantes prises en charge, par clinique',
  'semester.care.clinic': 'Clinique',
  'semester.care.persons': 'Personnes',
  'semester.care.none': 'Aucune survivante prise en charge dans le semestre.',
  'semester.typology.violence': 'Violence',
  'semester.typology.cases': 'Dossiers ouverts',
  'semester.typology.share': 'Part',
  'semester.typology.total': 'Total des dossiers ouverts dans le semestre',
  'semester.typology.none': 'Aucun dossier ouvert dans le semestre.',
  'semester.stories.none': 'Aucun récit sélectionné pour ce semestre.',
} as const;
