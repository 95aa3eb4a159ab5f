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
  'quick.lowLiteracyHint': 'Sur cet appareil, « Saisir des prestations » ouvre d’abord cet écran avec les pictogrammes.',
  'quick.fullForm': 'Formulaire complet (tests, accompagnements, date passée)',
} as const;
