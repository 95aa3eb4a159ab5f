import { useState } from 'react';
import type { ConflictChoice, EditConflict } from '@relais/core';
import { Alert, Button, Dialog, RadioGroup } from '../../ui/index.ts';
import { useI18n, type I18n } from '../../i18n/i18n.tsx';
import { isolate } from '../../i18n/bidi.ts';
import { describeError } from '../../i18n/errors.ts';
import { populationLabel } from '../registry/registry-labels.ts';

/** The vocabulary a field's codes are worded from (`housing.owner` → "Propriétaire"). */
const vocabularies: Record<string, string> = {
  sex: 'sex',
  genderIdentity: 'gender_identity',
  entryDoor: 'entry_door',
  'profile.maritalStatus': 'marital_status',
  'profile.schooling': 'schooling',
  'profile.housing': 'housing',
  'profile.occupation': 'occupation',
  'profile.healthCoverage': 'health_coverage',
};

/** A field's value in words: codes by their label, lists joined, yes/no, empty said. */
function valueOf(i18n: Pick<I18n, 't' | 'has'>, field: string, value: EditConflict['fields'][number]['server']): string {
  if (value === null || value === '') return i18n.t('editConflict.empty');
  if (Array.isArray(value)) return value.map((p) => populationLabel(i18n, p)).join(', ');
  if (typeof value === 'boolean') return i18n.t(value ? 'record.yes' : 'record.no');
  const key = `${vocabularies[field] ?? ''}.${String(value)}`;
  return isolate(vocabularies[field] && i18n.has(key) ? i18n.t(key) : String(value));
}

/**
 * An edit refused because someone changed the same fields meanwhile (ADR 0036): per field, her
 * value and the one now on the server (who changed it and when), nothing chosen for her. "Envoyer
 * mes choix" sends the edit again as she chose; "Abandonner" drops it; "Plus tard" closes and keeps
 * it as it was. Used by the record's form and by the outbox; in its own chunk (field budget).
 */
export function EditConflictDialog({ code, conflict, onSend, onDrop, onClose }: {
  /** The person's code, named in the title. */
  code: string;
  conflict: EditConflict;
  onSend: (choices: Record<string, ConflictChoice>) => Promise<void>;
  onDrop: () => Promise<void>;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [dropping, setDropping] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const complete = conflict.fields.every((f) => choices[f.field]);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(describeError(i18n, error));
      setBusy(false);
    }
  };
  const label = (field: string) => {
    const key = `field.${field}`;
    return i18n.has(key) ? t(key) : field;
  };

  return (
    <Dialog
      title={t('editConflict.title', { code: isolate(code) })}
      onClose={onClose}
      actions={
        dropping ? (
          <>
            <Button onClick={() => setDropping(false)}>{t('outbox.cancel')}</Button>
            <Button variant="danger" busy={busy} onClick={() => void run(onDrop)}>
              {t('editConflict.drop')}
            </Button>
          </>
        ) : (
          <>
            <Button variant="ghost" onClick={onClose}>
              {t('editConflict.later')}
            </Button>
            <Button onClick={() => setDropping(true)}>{t('editConflict.drop')}</Button>
            <Button variant="primary" busy={busy} disabled={!complete} onClick={() => void run(() => onSend(choices))}>
              {t('editConflict.send')}
            </Button>
          </>
        )
      }
    >
      {dropping ? (
        <Alert tone="warning">{t('editConflict.dropBody')}</Alert>
      ) : (
        <>
          <p>{t('editConflict.intro')}</p>
          {failure ? <Alert tone="error">{failure}</Alert> : null}
          {conflict.fields.map((f) => {
            const when = f.changedAt ? i18n.formatDateTime(f.changedAt) : null;
            const who = f.changedBy && when ? t('editConflict.changedBy', { name: isolate(f.changedBy.displayName), date: when }) : when ? t('editConflict.changedOn', { date: when }) : undefined;
            return (
              <RadioGroup
                key={f.field}
                name={`conflict-${f.field}`}
                legend={label(f.field)}
                value={choices[f.field] ?? ''}
                disabled={busy}
                onChange={(v) => setChoices((c) => ({ ...c, [f.field]: v as ConflictChoice }))}
                options={[
                  { value: 'mine', label: t('editConflict.mine', { value: valueOf(i18n, f.field, f.mine) }) },
                  { value: 'server', label: t('editConflict.server', { value: f.hidden ? t('editConflict.hidden') : valueOf(i18n, f.field, f.server) }), hint: who },
                ]}
              />
            );
          })}
          {complete ? null : <p className="field-hint">{t('editConflict.chooseAll')}</p>}
        </>
      )}
    </Dialog>
  );
}
