import type { Translations } from '@relais/core';

/** The strings of an edit in conflict (ADR 0036): the dialog of the record's form and of the outbox. */
export const editConflictWebFr = {
  'outbox.kind.update_beneficiary': 'Modification d’une fiche',
  'editConflict.title': 'Fiche {code} modifiée entre-temps',
  'editConflict.intro': 'Quelqu’un a changé les mêmes champs que vous. Pour chacun, choisissez la valeur à garder. Vos autres changements partiront tels quels.',
  'editConflict.mine': 'Ma valeur : {value}',
  'editConflict.server': 'Valeur actuelle de la fiche : {value}',
  'editConflict.changedBy': 'Changée par {name} le {date}',
  'editConflict.changedOn': 'Changée le {date}',
  'editConflict.hidden': 'non visible pour vous',
  'editConflict.empty': 'vide',
  'editConflict.send': 'Envoyer mes choix',
  'editConflict.chooseAll': 'Choisissez une valeur pour chaque champ.',
  'editConflict.later': 'Plus tard',
  'editConflict.drop': 'Abandonner ma modification',
  'editConflict.dropBody': 'Vos changements de cette fiche seront perdus : elle garde les valeurs actuelles.',
  'editConflict.settle': 'Choisir les valeurs',
  'editConflict.toDecide': 'Votre choix est attendu',
};

export const editConflictWebEn: Translations<typeof editConflictWebFr> = {
  'outbox.kind.update_beneficiary': 'Change to a record',
  'editConflict.title': 'Record {code} changed meanwhile',
  'editConflict.intro': 'Someone else changed the same fields as you. For each, choose the value to keep. Your other changes go as they are.',
  'editConflict.mine': 'My value: {value}',
  'editConflict.server': 'Current value of the record: {value}',
  'editConflict.changedBy': 'Changed by {name} on {date}',
  'editConflict.changedOn': 'Changed on {date}',
  'editConflict.hidden': 'not visible to you',
  'editConflict.empty': 'empty',
  'editConflict.send': 'Send my choices',
  'editConflict.chooseAll': 'Choose a value for each field.',
  'editConflict.later': 'Later',
  'editConflict.drop': 'Drop my change',
  'editConflict.dropBody': 'Your changes to this record will be lost: it keeps its current values.',
  'editConflict.settle': 'Choose the values',
  'editConflict.toDecide': 'Your choice is needed',
};

export const editConflictWebAr: Translations<typeof editConflictWebFr> = {
  'outbox.kind.update_beneficiary': 'تعديل ملف',
  'editConflict.title': 'تم تعديل الملف {code} في الأثناء',
  'editConflict.intro': 'غيّر شخص آخر نفس الخانات التي غيّرتها. اختر لكل خانة القيمة التي تريد الاحتفاظ بها. تغييراتك الأخرى تُرسَل كما هي.',
  'editConflict.mine': 'قيمتي: {value}',
  'editConflict.server': 'القيمة الحالية في الملف: {value}',
  'editConflict.changedBy': 'غيّرها {name} في {date}',
  'editConflict.changedOn': 'تغيّرت في {date}',
  'editConflict.hidden': 'غير مرئية لك',
  'editConflict.empty': 'فارغة',
  'editConflict.send': 'إرسال اختياراتي',
  'editConflict.chooseAll': 'اختر قيمة لكل خانة.',
  'editConflict.later': 'لاحقا',
  'editConflict.drop': 'التخلي عن تعديلي',
  'editConflict.dropBody': 'ستضيع تغييراتك على هذا الملف: يحتفظ بقيمه الحالية.',
  'editConflict.settle': 'اختيار القيم',
  'editConflict.toDecide': 'ننتظر اختيارك',
};
