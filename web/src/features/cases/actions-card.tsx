import { useState } from 'react';
import { actionStatuses, ActionInput } from '@relais/core';
import { addAction, updateAction, type CaseData } from '../../api/cases.ts';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Alert, Select, TextField } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { useUnitWorkers } from '../capture/place.ts';
import { wallClock } from './case-labels.ts';
import { CaseForm, EditableCard, type CardFormProps } from './case-card.tsx';

/** The care plan: actions (what, who, when), their status; overdue ones marked. */
export function ActionsCard({ c, canWrite, onChange }: { c: CaseData; canWrite: boolean; onChange: (c: CaseData) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useFormSubmit();
  const setStatus = (actionId: string, status: string) => {
    form.begin();
    void form.send(async () => onChange(await updateAction(c.id, actionId, { status })));
  };
  return (
    <EditableCard c={c} title={t('cases.plan.title')} canWrite={canWrite} openLabel={t('cases.plan.add')} onChange={onChange} form={ActionForm}>
      {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
      {c.actions.length ? (
        <ul className="item-list case-items">
          {c.actions.map((a) => (
            <li key={a.id} className={a.overdue ? 'case-item case-item-overdue' : 'case-item'}>
              <div>
                <p className="case-item-title" dir="auto">
                  {a.what}
                </p>
                <p className="muted">
                  {a.assignee ? <bdi>{a.assignee.displayName}</bdi> : t('cases.plan.noAssignee')}
                  {a.dueOn ? <> · {t('cases.plan.due', { date: wallClock(intlTag(i18n.locale), a.dueOn) })}</> : null}
                  {a.overdue ? (
                    <>
                      {' '}
                      <span className="tag tag-warning">{t('cases.plan.overdue')}</span>
                    </>
                  ) : null}
                </p>
              </div>
              {canWrite ? (
                <Select
                  label={t('cases.plan.statusOf', { what: a.what })}
                  hideLabel
                  value={a.status}
                  disabled={form.busy}
                  options={actionStatuses.map((s) => ({ value: s, label: t(`action_status.${s}`) }))}
                  onChange={(v) => setStatus(a.id, v)}
                />
              ) : (
                <span className="tag tag-off">{t(`action_status.${a.status}`)}</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('cases.plan.none')}</p>
      )}
    </EditableCard>
  );
}

function ActionForm({ c, onCancel, onSaved }: CardFormProps) {
  const { t } = useI18n();
  const workers = useUnitWorkers(c.orgUnit.id);
  const [id] = useState(newId);
  const [what, setWhat] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const form = useFormSubmit();
  const submit = async () => {
    form.begin();
    const checked = validate(ActionInput, { id, what, assigneeId: assigneeId || null, dueOn: dueOn || null });
    if (!form.check(checked)) return;
    const { status: _status, ...body } = checked.data;
    await form.send(async () => onSaved(await addAction(c.id, { ...body, id })));
  };
  return (
    <CaseForm label={t('cases.plan.add')} form={form} onSubmit={submit} onCancel={onCancel} saveLabel={t('cases.plan.save')} nested>
      <TextField label={t('field.what')} value={what} maxLength={500} required error={form.errors.what} onChange={setWhat} />
      <div className="grid-2">
        <Select
          label={t('field.assigneeId')}
          value={assigneeId}
          error={form.errors.assigneeId}
          options={[{ value: '', label: t('cases.plan.noAssignee') }, ...workers.options]}
          onChange={setAssigneeId}
        />
        <TextField label={t('field.dueOn')} type="date" value={dueOn} error={form.errors.dueOn} onChange={setDueOn} />
      </div>
    </CaseForm>
  );
}
