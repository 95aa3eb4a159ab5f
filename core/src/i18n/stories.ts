/**
 * The words of most significant change stories (fields, errors, audit actions), in French (Arabic and English in stories.ar.ts and stories.en.ts); spread into fr.ts, ar.ts and en.ts. Domains and consent scopes are in
 * cases.ts (`change_domain.*`, `story_consent.*`).
 */
export const storiesFr = {
  'validation.one_per_domain': '{field} : une seule histoire choisie par domaine de changement.',
  'field.story': 'Histoire',
  'field.significance': 'Pourquoi c’est important (dans ses mots)',
  'field.domain': 'Domaine de changement',
  'field.collectedById': 'Recueillie par',
  'field.collectedOn': 'Recueillie le',
  'field.eventsFrom': 'Période des faits : du',
  'field.eventsTo': 'Période des faits : au',
  'field.consentScopes': 'Consentement (usages)',
  'field.consentExpiresOn': 'Consentement valable jusqu’au',
  'field.anonymisedText': 'Texte anonymisé pour le partage',
  'field.heldOn': 'Date de la sélection',
  'field.panel': 'Comité de sélection',
  'field.storyIds': 'Histoires candidates',
  'field.choices': 'Choix',
  'field.feedback': 'Retour donné',
  'field.feedbackOn': 'Date du retour',
  'field.domains': 'Domaines de changement',
  'field.period': 'Période',
  'audit.story.create': 'Recueil d’une histoire de changement',
  'audit.story.read': 'Lecture d’une histoire de changement',
  'audit.story.list': 'Consultation de la liste des histoires',
  'audit.story.update': 'Modification d’une histoire de changement',
  'audit.story.round': 'Séance de sélection des histoires',
  'audit.story.selection': 'Choix des histoires significatives',
  'audit.story.settings': 'Domaines de changement',
} as const;
