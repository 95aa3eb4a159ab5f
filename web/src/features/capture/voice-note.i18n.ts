import type { Translations } from '@relais/core';

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

export const voiceNoteAr: Translations<typeof voiceNoteFr> = {
  'voice.title': 'ملاحظة صوتية',
  'voice.hint': 'بدلًا من الكتابة: دقيقتان على الأكثر. تُحفظ مشفرة على الجهاز وتُرسل مع الاتصال.',
  'voice.record': 'تسجيل ملاحظة صوتية',
  'voice.stop': 'إيقاف',
  'voice.remaining': 'الوقت المتبقي: {time}',
  'voice.recording': 'التسجيل جارٍ',
  'voice.recorded': 'تم تسجيل الملاحظة الصوتية ({time})',
  'voice.discard': 'حذف الملاحظة الصوتية',
  'voice.denied': 'الميكروفون مرفوض أو غير موجود: اسمح به في المتصفح، أو اكتب ملاحظة.',
  'voice.unsupported': 'هذا المتصفح لا يستطيع تسجيل الصوت.',
  'voice.play': 'الاستماع إلى الملاحظة الصوتية',
  'voice.notSent': 'تعذر إرسال الملاحظة الصوتية: إنها في انتظار الإرسال.',
  'outbox.kind.voice_note': 'ملاحظة صوتية',
};

export const voiceNoteEn: Translations<typeof voiceNoteFr> = {
  'voice.title': 'Voice note',
  'voice.hint': 'Instead of typing: 2 minutes at most. Kept encrypted on the device, sent with the contact.',
  'voice.record': 'Record a voice note',
  'voice.stop': 'Stop',
  'voice.remaining': 'Time left: {time}',
  'voice.recording': 'Recording',
  'voice.recorded': 'Voice note recorded ({time})',
  'voice.discard': 'Delete the voice note',
  'voice.denied': 'The microphone is refused or missing: allow it in the browser, or type a note.',
  'voice.unsupported': 'This browser cannot record sound.',
  'voice.play': 'Play the voice note',
  'voice.notSent': 'The voice note could not be sent: it waits in the outbox.',
  'outbox.kind.voice_note': 'Voice note',
};
