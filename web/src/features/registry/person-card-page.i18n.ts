import type { ChunkStrings } from '../../i18n/chunk-strings.ts';

/** The card page's strings (ADR 0041), in its chunk. */
const fr = {
  'card.titleUnknown': 'Carte de la personne',
  'card.title': 'Carte de {code}',
  'card.intro': 'À imprimer et à donner à la personne : son code unique, son QR code et le nom de l’association, rien d’autre. On scanne la carte pour la retrouver.',
  'card.print': 'Imprimer la carte',
  'card.back': 'Retour à la fiche',
  'card.noCard': 'Cette fiche est fusionnée ou effacée : pas de carte.',
  'card.label': 'Carte du code {code}',
  'card.qrAlt': 'QR code du code {code}',
};

export const cardPageStrings: ChunkStrings<typeof fr> = {
  fr,
  ar: {
    'card.titleUnknown': 'بطاقة الشخص',
    'card.title': 'بطاقة {code}',
    'card.intro': 'للطباعة وتسليمها للشخص: رمزه الموحد ورمز QR واسم الجمعية، لا شيء غير ذلك. تُمسح البطاقة للعثور عليه.',
    'card.print': 'طباعة البطاقة',
    'card.back': 'العودة إلى الملف',
    'card.noCard': 'هذا الملف مدموج أو ممحو: لا بطاقة له.',
    'card.label': 'بطاقة الرمز {code}',
    'card.qrAlt': 'رمز QR للرمز {code}',
  },
  en: {
    'card.titleUnknown': 'Person’s card',
    'card.title': 'Card of {code}',
    'card.intro': 'To print and give to the person: her code, its QR code and the organisation’s name, nothing else. Scan the card to find her again.',
    'card.print': 'Print the card',
    'card.back': 'Back to the record',
    'card.noCard': 'This record is merged or erased: no card.',
    'card.label': 'Card of code {code}',
    'card.qrAlt': 'QR code of code {code}',
  },
};
