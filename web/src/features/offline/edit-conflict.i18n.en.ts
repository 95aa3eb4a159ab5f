import type { editConflictWebFr } from './edit-conflict.i18n.ts';
import type { Translations } from '@relais/core';

/** English (keys of editConflictWebFr; the French in edit-conflict.i18n.ts): a chunk of its own with the English catalogue (ADR 0043). */
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
