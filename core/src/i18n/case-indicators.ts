/**
 * The words of the case indicators (issue 13: the gbv program's semester report) and of the case
 * dimensions of reports, in French (Arabic and English in case-indicators.ar.ts and case-indicators.en.ts); spread into fr.ts, ar.ts and en.ts.
 */
export const caseIndicatorsFr = {
  'indicator.survivors_cared': 'Survivantes prises en charge',
  'indicator.biomedical_served': 'Prise en charge biomédicale',
  'indicator.tested_any': 'Personnes dépistées (VIH, syphilis, VHB, VHC, grossesse)',
  'indicator.sti_treated': 'Personnes traitées pour une IST',
  'indicator.medical_other_served': 'Autre soutien médical',
  'indicator.pep_within_72h': 'Orientées vers la PEP dans les 72 h',
  'indicator.psychological_served': 'Soutien psychologique',
  'indicator.psychiatric_referred': 'Orientées vers la psychiatrie',
  'indicator.social_served': 'Soutien socio-économique',
  'indicator.legal_served': 'Accompagnement juridique et administratif',
  'indicator.in_vocational_training': 'En formation professionnelle',
  'indicator.placed_in_job': 'Insérées dans un emploi',
  'indicator.sensitised': 'Personnes sensibilisées',
  'indicator.cases_opened': 'Dossiers ouverts',
  'indicator.cases_open_at_start': 'Dossiers ouverts en début de période',
  'indicator.cases_retained': 'Dossiers suivis (un contact dans la période)',
  'indicator.retention_rate': 'Taux de rétention',
  'indicator.lost_to_follow_up': 'Dossiers clôturés perdus de vue',
  'report.dimension.violence_type': 'Type de violence',
  'report.dimension.violence_family': 'Famille de violence',
  'report.dimension.entry_door': 'Porte d’entrée',
};
