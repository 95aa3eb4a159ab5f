/**
 * The words of the person's rights under law 09-08 (issue 18, ADR 0026): errors, fields, audit
 * actions, in French (Arabic and English in privacy.ar.ts and privacy.en.ts); spread into fr.ts, ar.ts and en.ts.
 */
export const privacyFr = {
  'error.person_erased': 'Les données de cette personne ont été effacées à sa demande : sa fiche ne peut plus être modifiée ni effacée à nouveau.',
  'field.contact_phone': 'Téléphone de contact',
  'field.closed_cases': 'Dossiers clôturés',
  'field.audit_log': 'Journal d’audit',
  'audit.beneficiary.erase': 'Données d’une personne effacées à sa demande',
  'audit.beneficiary.subject_access': 'Export de tout ce qui est détenu sur une personne (droit d’accès)',
  'audit.retention.settings': 'Durées de conservation modifiées',
  'audit.retention.run': 'Conservation appliquée (suppressions et anonymisations)',
  'audit.privacy.register': 'Registre des traitements consulté',
};
