/** A person's card and its scan (ADR 0041): the few strings the field entry shows; the card page's and the scanner's are in their chunks. French first. */
export const personCardFr = {
  'card.open': 'Carte à QR code à imprimer',
  'scan.button': 'Scanner la carte',
  'scan.photo': 'Photo de la carte (QR code)',
} as const;
