import type { quickContactFr } from './quick-contact.i18n.ts';
import type { Translations } from '@relais/core';

/** Arabic (keys of quickContactFr; the French in quick-contact.i18n.ts): a chunk of its own with the Arabic catalogue (ADR 0043). */
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
  'quick.lowLiteracyHint': 'تعرض شاشات الميدان الصور أولًا، ويفتح «إدخال الخدمات» التواصل السريع. يُحفظ لتسجيلات دخولك القادمة، على كل هواتفك.',
  'literacy.held': 'دون شبكة: طُبِّق على هذا الهاتف، ويُرسَل إلى الخادم عند عودة الشبكة.',
  'literacy.account': 'العرض',
  'quick.fullForm': 'الاستمارة الكاملة (الفحوص، المرافقة، تاريخ سابق)',
};
