import type { Translations } from '@relais/core';

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

export const quickContactAr: Translations<typeof quickContactFr> = {
  'shell.quickContact': 'تواصل سريع',
  'home.card.quickContact': 'الرمز، ثم صورة لكل ما قُدِّم: ثلاث لمسات في الشارع، حتى دون شبكة.',
  'quick.title': 'تواصل سريع',
  'quick.intro': 'رمز الشخص، ثم المسي ما قدّمتِه. يُحفظ حتى دون شبكة.',
  'quick.given': 'ما قدّمتِه',
  'quick.quantityOf': 'الكمية: {service}',
  'quick.less': 'واحد أقل: {service}',
  'quick.more': 'واحد أكثر: {service}',
  'quick.save': 'حفظ ({count})',
  'quick.tapFirst': 'المسي ما قدّمتِه',
  'quick.settings': 'البرنامج والمكان ووضع الصور',
  'quick.lowLiteracy': 'وضع الصور',
  'quick.lowLiteracyHint': 'على هذا الجهاز، يفتح «إدخال الخدمات» هذه الشاشة بالصور أولًا.',
  'quick.fullForm': 'الاستمارة الكاملة (الفحوص، المرافقة، تاريخ سابق)',
};

export const quickContactEn: Translations<typeof quickContactFr> = {
  'shell.quickContact': 'Quick contact',
  'home.card.quickContact': 'The code, then one pictogram per thing given: three taps in the street, even without a network.',
  'quick.title': 'Quick contact',
  'quick.intro': 'The person’s code, then tap what you gave. Saved even without a network.',
  'quick.given': 'What you gave',
  'quick.quantityOf': 'Quantity: {service}',
  'quick.less': 'One less: {service}',
  'quick.more': 'One more: {service}',
  'quick.save': 'Save ({count})',
  'quick.tapFirst': 'Tap what you gave',
  'quick.settings': 'Program, place and pictogram mode',
  'quick.lowLiteracy': 'Pictogram mode',
  'quick.lowLiteracyHint': 'On this device, “Record services” opens this screen with the pictograms first.',
  'quick.fullForm': 'Full form (tests, support, an earlier date)',
};
