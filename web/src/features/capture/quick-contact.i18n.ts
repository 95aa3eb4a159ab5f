/** Quick contact's strings (pictograms for the street, low-literacy mode), French first. */
export const quickContactFr = {
  'shell.quickContact': 'Contact rapide',
  'home.card.quickContact': 'Le code, puis un pictogramme par chose donnée : trois touches dans la rue, même sans réseau.',
  'quick.title': 'Contact rapide',
  'quick.intro': 'Le code de la personne, puis touchez ce que vous avez donné. Enregistré même sans réseau.',
  'quick.given': 'Ce que vous avez donné',
  'quick.quantityOf': 'Quantité : {service}',
  'quick.less': 'Un de moins : {service}',
  'quick.more': 'Un de plus : {service}',
  'quick.save': 'Enregistrer ({count})',
  'quick.tapFirst': 'Touchez ce que vous avez donné',
  'quick.settings': 'Programme, lieu et mode pictogrammes',
  'quick.lowLiteracy': 'Mode pictogrammes',
  'quick.lowLiteracyHint': 'Les écrans de terrain montrent d’abord des images ; « Saisir des prestations » ouvre le contact rapide. Gardé pour vos prochaines connexions, sur tous vos téléphones.',
  'literacy.held': 'Sans réseau : appliqué sur ce téléphone, envoyé au serveur au retour du réseau.',
  'literacy.account': 'Affichage',
  'quick.fullForm': 'Formulaire complet (tests, accompagnements, date passée)',
} as const;
