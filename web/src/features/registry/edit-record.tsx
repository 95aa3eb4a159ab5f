import { useState, type FormEvent } from 'react';
import { editedFields, settleEdit, UpdateBeneficiary, type Beneficiary, type EditConflict } from '@relais/core';
import { getRegistrySettings, updateBeneficiary } from '../../api/endpoints.ts';
import { ApiError } from '../../api/client.ts';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { useCan } from '../../app/session.tsx';
import { lazyCard } from '../../app/lazy-card.tsx';
import { FormButtons } from '../../app/form-buttons.tsx';
import { Alert, Loading } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { saveOrQueue, type QueuedEdit } from '../../offline/outbox.ts';
import { draftOf, RecordFields, recordInput, type RecordDraft } from './record-fields.tsx';
import { todayIso } from './registry-labels.ts';

// Shown only when an edit meets a change made meanwhile: in its own chunk, out of the field budget.
const EditConflictDialog = lazyCard(() => import('../offline/edit-conflict.tsx').then((m) => m.EditConflictDialog));

type Changes = QueuedEdit['changes'];

/** The record as it reads once her changes are applied (shown while they wait in the outbox). */
function withChanges(b: Beneficiary, c: Changes): Beneficiary {
  const { profile, ...rest } = c;
  return { ...b, ...(rest as Partial<Beneficiary>), profile: { ...b.profile, ...profile } };
}

/**
 * The record's edit form. Only the fields she changed are sent, on the version she opened (ADR
 * 0036); without a network the edit waits in the outbox. When someone changed the same fields
 * meanwhile, she chooses field by field (the conflict dialog) or drops her edit; her form stays as
 * she typed it until then.
 */
export function EditRecord({ beneficiary, onCancel, onSaved, onQueued, onDropped }: {
  beneficiary: Beneficiary;
  onCancel: () => void;
  onSaved: (b: Beneficiary) => void;
  onQueued: (b: Beneficiary) => void;
  onDropped: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const canReadNotes = useCan('note.read');
  const settings = useApi(() => getRegistrySettings(), []);
  const [original] = useState(() => draftOf(beneficiary));
  const [draft, setDraft] = useState<RecordDraft>(original);
  const [conflict, setConflict] = useState<{ conflict: EditConflict; changes: Changes } | null>(null);
  const form = useFormSubmit();
  const { errors, busy } = form;

  /** Sends an edit (or queues it offline); a conflict opens the dialog instead of failing. */
  const sendEdit = async (changes: Changes, baseVersion: number) => {
    const payload: QueuedEdit = { id: beneficiary.id, baseVersion, changes };
    try {
      const next = await saveOrQueue(() => updateBeneficiary(beneficiary.id, { ...changes, baseVersion }), { id: newId(), kind: 'update_beneficiary', payload, label: beneficiary.code, date: todayIso() });
      setConflict(null);
      if (next === 'queued') onQueued(withChanges(beneficiary, changes));
      else onSaved(next);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'edit_conflict' && error.conflict) setConflict({ conflict: error.conflict, changes });
      else throw error;
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    const input: Partial<ReturnType<typeof recordInput>> = recordInput(draft);
    if (!canReadNotes) delete input.notes;
    const checked = validate(UpdateBeneficiary, input);
    if (!form.check(checked)) return;
    // Only what she changed is sent: a field she did not touch cannot undo a change made meanwhile.
    const edited = editedFields(recordInput(original), input);
    const { profile: editedProfile, ...top } = edited as { profile?: Record<string, unknown> };
    const data = checked.data as Record<string, unknown> & { profile?: Record<string, unknown> };
    const changes = Object.fromEntries(Object.keys(top).map((k) => [k, data[k]])) as Changes;
    if (editedProfile) changes.profile = Object.fromEntries(Object.keys(editedProfile).map((k) => [k, data.profile?.[k]])) as Changes['profile'];
    await form.send(() => sendEdit(changes, beneficiary.version));
  };

  if (settings.error && !settings.data) return <Alert tone="error">{describeError(i18n, settings.error)}</Alert>;
  if (!settings.data) return <Loading label={t('app.loading')} />;
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label={t('record.editTitle')}>
      <h2 className="card-title">{t('record.editTitle')}</h2>
      {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
      {conflict ? <Alert tone="warning">{t('error.edit_conflict')}</Alert> : null}
      <RecordFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        populations={settings.data.populations}
        hideNotes={!canReadNotes}
        phoneHint={beneficiary.phone === null && beneficiary.hasPhone ? t('record.phoneHiddenHint') : undefined}
      />
      <div className="form-actions">
        <FormButtons busy={busy} onCancel={onCancel} />
      </div>
      {conflict ? (
        <EditConflictDialog
          code={beneficiary.code}
          conflict={conflict.conflict}
          onClose={() => setConflict(null)}
          onDrop={async () => onDropped()}
          onSend={(choices) => sendEdit(settleEdit(conflict.changes, choices), conflict.conflict.version)}
        />
      ) : null}
    </form>
  );
}
