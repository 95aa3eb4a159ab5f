import type { voiceNoteFr } from './voice-note.i18n.ts';
import type { Translations } from '@relais/core';

/** Arabic (keys of voiceNoteFr; the French in voice-note.i18n.ts): a chunk of its own with the Arabic catalogue (ADR 0043). */
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
