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
