import { useState } from 'react';
import { caseNeeds, riskLevels, type Assessment } from '@relais/core';
import { updateCase, type CaseData } from '../../api/cases.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { Checkbox, CheckboxList, FieldGroup, RadioGroup } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CaseForm, EditableCard, type CardFormProps } from './case-card.tsx';

/** Needs assessed, risk level and safety plan: shown, and changed in place by the case team. */
export function AssessmentCard({ c, canWrite, onChange }: { c: CaseData; canWrite: boolean; onChange: (c: CaseData) => void }) {
  const { t } = useI18n();
  const a = c.assessment;
  return (
    <EditableCard c={c} title={t('cases.assessment.title')} canWrite={canWrite} openLabel={a ? t('record.edit') : t('cases.assessment.add')} onChange={onChange} form={AssessmentForm} formReplaces>
      {a ? (
        <dl className="facts case-facts">
          <dt>{t('field.assessment.needs')}</dt>
          <dd>{a.needs.length ? a.needs.map((n) => t(`case_need.${n}`)).join(t('cases.listSeparator')) : '—'}</dd>
          <dt>{t('field.assessment.riskLevel')}</dt>
          <dd>{a.riskLevel ? t(`risk_level.${a.riskLevel}`) : '—'}</dd>
          <dt>{t('field.assessment.safetyPlan')}</dt>
          <dd>{a.safetyPlan ? t('record.yes') : t('record.no')}</dd>
        </dl>
      ) : (
        <p className="muted">{t('cases.assessment.none')}</p>
      )}
    </EditableCard>
  );
}

function AssessmentForm({ c, onCancel, onSaved }: CardFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Assessment>(() => c.assessment ?? { needs: [], riskLevel: null, safetyPlan: false });
  const form = useFormSubmit();
  const submit = async () => {
    form.begin();
    await form.send(async () => onSaved(await updateCase(c.id, { assessment: draft })));
  };
  return (
    <CaseForm label={t('cases.assessment.title')} form={form} onSubmit={submit} onCancel={onCancel}>
      <FieldGroup legend={t('field.assessment.needs')}>
        <CheckboxList options={caseNeeds.map((n) => ({ value: n, label: t(`case_need.${n}`) }))} values={draft.needs} onChange={(needs) => setDraft((d) => ({ ...d, needs: caseNeeds.filter((n) => needs.includes(n)) }))} />
      </FieldGroup>
      <RadioGroup
        legend={t('field.assessment.riskLevel')}
        value={draft.riskLevel ?? ''}
        error={form.errors['assessment.riskLevel']}
        options={riskLevels.map((r) => ({ value: r, label: t(`risk_level.${r}`) }))}
        onChange={(v) => setDraft((d) => ({ ...d, riskLevel: riskLevels.find((r) => r === v) ?? null }))}
      />
      <Checkbox label={t('field.assessment.safetyPlan')} hint={t('cases.assessment.safetyPlanHint')} checked={draft.safetyPlan} onChange={(v) => setDraft((d) => ({ ...d, safetyPlan: v }))} />
    </CaseForm>
  );
}
