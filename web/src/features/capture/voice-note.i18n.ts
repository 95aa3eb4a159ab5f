/** Voice notes' strings (ADR 0035), French first. */
export const voiceNoteFr = {
  'voice.title': 'Note vocale',
  'voice.hint': 'Au lieu d’écrire : 2 minutes au plus. Gardée chiffrée sur l’appareil, envoyée avec le contact.',
  'voice.record': 'Enregistrer une note vocale',
  'voice.stop': 'Arrêter',
  'voice.remaining': 'Temps restant : {time}',
  'voice.recording': 'Enregistrement en cours',
  'voice.recorded': 'Note vocale enregistrée ({time})',
  'voice.discard': 'Supprimer la note vocale',
  'voice.denied': 'Le micro est refusé ou absent : autorisez-le dans le navigateur, ou écrivez une note.',
  'voice.unsupported': 'Ce navigateur ne sait pas enregistrer le son.',
  'voice.play': 'Écouter la note vocale',
  'voice.notSent': 'La note vocale n’a pas pu être envoyée : elle attend dans les envois en attente.',
  'outbox.kind.voice_note': 'Note vocale',
} as const;
