import type { ChunkStrings } from '../../i18n/chunk-strings.ts';

/** The scanner's strings (ADR 0041), in its chunk (precached). */
const fr = {
  'scan.noQr': 'Aucun QR code lu sur la photo : reprenez-la de plus près, à plat et bien éclairée, ou tapez le code.',
  'scan.notACard': 'Ce QR code n’est pas une carte Relais : tapez le code de la personne.',
  'scan.otherOrganisation': 'Cette carte est celle d’une autre association ({organisation}) : tapez le code de la personne.',
  'scan.live': 'Caméra : visez le QR code de la carte',
  'scan.cameraRefused': 'La caméra est refusée ou absente : prenez une photo de la carte.',
  'scan.takePhoto': 'Prendre une photo',
  'scan.close': 'Fermer la caméra',
};

export const cardScanStrings: ChunkStrings<typeof fr> = {
  fr,
  ar: {
    'scan.noQr': 'لم يُقرأ أي رمز QR في الصورة: أعد التصوير عن قرب، والبطاقة مسطحة ومضاءة جيدًا، أو اكتب الرمز.',
    'scan.notACard': 'رمز QR هذا ليس بطاقة ريلي: اكتب رمز الشخص.',
    'scan.otherOrganisation': 'هذه البطاقة تابعة لجمعية أخرى ({organisation}): اكتب رمز الشخص.',
    'scan.live': 'الكاميرا: وجّه نحو رمز QR في البطاقة',
    'scan.cameraRefused': 'الكاميرا مرفوضة أو غير موجودة: التقط صورة للبطاقة.',
    'scan.takePhoto': 'التقاط صورة',
    'scan.close': 'إغلاق الكاميرا',
  },
  en: {
    'scan.noQr': 'No QR code read on the photo: take it again closer, flat and well lit, or type the code.',
    'scan.notACard': 'This QR code is not a Relais card: type the person’s code.',
    'scan.otherOrganisation': 'This card is another organisation’s ({organisation}): type the person’s code.',
    'scan.live': 'Camera: aim at the card’s QR code',
    'scan.cameraRefused': 'The camera is refused or missing: take a photo of the card.',
    'scan.takePhoto': 'Take a photo',
    'scan.close': 'Close the camera',
  },
};
