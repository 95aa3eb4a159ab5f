import { useState } from 'react';
import { entryDoors } from '@relais/core';
import { updateCase, type CaseData } from '../../api/cases.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { Link } from '../../app/router.tsx';
import { CheckboxList, Code, Fact, FieldGroup, Select } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { useUnitWorkers } from '../capture/place.ts';
import { vocab, wallClock } from './case-labels.ts';
import { CaseForm, EditableCard, type CardFormProps } from './case-card.tsx';

/** The case's header: who, which program and unit, since when, by which door, its team; the team and door changed in place. */
export function CaseHeader({ c, canWrite, onChange }: { c: CaseData; canWrite: boolean; onChange: (c: CaseData) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <EditableCard c={c} title={t('cases.case.summary')} canWrite={canWrite} openLabel={t('cases.team.edit')} onChange={onChange} form={TeamForm}>
      <p className="code-display">
        <Link to={`/beneficiaries/${c.beneficiary.id}`} aria-label={t('capture.openRecordOf', { code: c.beneficiary.code })}>
          <Code className="code-large">{c.beneficiary.code}</Code>
        </Link>
      </p>
      <dl className="facts case-facts">
        <Fact label={t('field.status')}>
          <span className={c.status === 'open' ? 'tag tag-ok' : 'tag tag-off'}>{t(`case_status.${c.status}`)}</span>
        </Fact>
        <Fact label={t('field.program')}>{vocab(i18n, 'program', c.program)}</Fact>
        <Fact label={t('field.orgUnitId')}>
          <bdi>{c.orgUnit.name}</bdi>
        </Fact>
        <Fact label={t('field.openedAt')}>{wallClock(intlTag(i18n.locale), c.openedAt)}</Fact>
        <Fact label={t('field.entryDoor')}>{vocab(i18n, 'entry_door', c.entryDoor)}</Fact>
        <Fact label={t('field.caseWorkerId')}>
          <bdi>{c.caseWorker.displayName}</bdi>
        </Fact>
        <Fact label={t('field.coWorkerIds')}>
          {c.coWorkers.length
            ? c.coWorkers.map((w, i) => (
                <span key={w.id}>
                  {i > 0 ? t('cases.listSeparator') : null}
                  <bdi>{w.displayName}</bdi>
                </span>
              ))
            : '—'}
        </Fact>
        <Fact label={t('cases.lastContact')}>{wallClock(intlTag(i18n.locale), c.lastContactOn)}</Fact>
      </dl>
      {c.atRisk && c.status === 'open' ? <p className="tag tag-info">{t('urgency.at_risk')}</p> : null}
    </EditableCard>
  );
}

function TeamForm({ c, onCancel, onSaved }: CardFormProps) {
  const { t } = useI18n();
  const workers = useUnitWorkers(c.orgUnit.id);
  const [entryDoor, setEntryDoor] = useState(c.entryDoor);
  const [caseWorkerId, setCaseWorkerId] = useState(c.caseWorker.id);
  const [coWorkerIds, setCoWorkerIds] = useState(() => c.coWorkers.map((w) => w.id));
  const form = useFormSubmit();
  // The present team stays choosable even when the list of the unit's workers cannot show them.
  const people = [...workers.workers, ...[c.caseWorker, ...c.coWorkers].filter((p) => !workers.workers.some((w) => w.id === p.id))];
  const submit = async () => {
    form.begin();
    const body = { entryDoor, caseWorkerId, coWorkerIds: coWorkerIds.filter((id) => id !== caseWorkerId) };
    await form.send(async () => onSaved(await updateCase(c.id, body)));
  };
  return (
    <CaseForm label={t('cases.team.edit')} form={form} onSubmit={submit} onCancel={onCancel} nested>
      <Select
        label={t('field.entryDoor')}
        value={entryDoor}
        required
        error={form.errors.entryDoor}
        options={entryDoors.map((d) => ({ value: d, label: t(`entry_door.${d}`) }))}
        onChange={setEntryDoor}
      />
      <Select
        label={t('field.caseWorkerId')}
        value={caseWorkerId}
        required
        error={form.errors.caseWorkerId}
        options={people.map((p) => ({ value: p.id, label: p.displayName }))}
        onChange={setCaseWorkerId}
      />
      <FieldGroup legend={t('field.coWorkerIds')}>
        <CheckboxList options={people.filter((p) => p.id !== caseWorkerId).map((p) => ({ value: p.id, label: <bdi>{p.displayName}</bdi> }))} values={coWorkerIds} onChange={setCoWorkerIds} />
        {form.errors.coWorkerIds ? <p className="field-error">{form.errors.coWorkerIds}</p> : null}
      </FieldGroup>
    </CaseForm>
  );
}
