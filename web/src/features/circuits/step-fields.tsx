import { useState } from 'react';
import { Button, Checkbox, RadioGroup, Select, TextArea, TextField, type SelectOption } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { tickedKinds, type StepDraft } from './circuit-draft.ts';

/** One step of the drawing form: titles, where to go (a service found by its name, or a type), conditions, what to bring, who accompanies. */
export function StepFields({ n, step, onChange, onRemove, services, types }: {
  n: number;
  step: StepDraft;
  onChange: (step: StepDraft) => void;
  onRemove?: () => void;
  services: readonly SelectOption[];
  types: readonly SelectOption[];
}) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const set = <K extends keyof StepDraft>(key: K, value: StepDraft[K]) => onChange({ ...step, [key]: value });
  const q = filter.trim().toLowerCase();
  const found = services.filter((s) => !q || s.label.toLowerCase().includes(q) || s.value === step.serviceId);
  const choose = [{ value: '', label: t('circuits.form.choose') }];
  return (
    <fieldset className="circ-step-fields">
      <legend>{t('circuits.step', { n })}</legend>
      <div className="circ-pair">
        <TextField label={t('circuits.form.titleFr')} value={step.titleFr} onChange={(v) => set('titleFr', v)} required />
        <TextField label={t('circuits.form.titleAr')} value={step.titleAr} onChange={(v) => set('titleAr', v)} dir="rtl" lang="ar" />
      </div>
      <RadioGroup
        legend={t('circuits.form.target')}
        value={step.target}
        onChange={(v) => set('target', v === 'type' ? 'type' : 'service')}
        options={[
          { value: 'service', label: t('circuits.form.aService') },
          { value: 'type', label: t('circuits.form.aType') },
        ]}
      />
      {step.target === 'service' ? (
        <div className="circ-pair">
          <TextField label={t('circuits.form.serviceFilter')} value={filter} onChange={setFilter} type="search" />
          <Select label={t('circuits.form.service')} value={step.serviceId} onChange={(v) => set('serviceId', v)} options={[...choose, ...found]} required />
        </div>
      ) : (
        <Select label={t('circuits.form.serviceType')} value={step.serviceType} onChange={(v) => set('serviceType', v)} options={[...choose, ...types]} required />
      )}
      <div className="circ-ticks" role="group" aria-label={t('circuits.when')}>
        <TextField label={t('circuits.form.withinHours')} value={step.withinHours} onChange={(v) => set('withinHours', v)} type="number" min={1} max={720} inputMode="numeric" />
        {tickedKinds.map((kind) => (
          <Checkbox
            key={kind}
            label={t(`circuit.condition.${kind}`)}
            checked={step.ticked.includes(kind)}
            onChange={(on) => set('ticked', on ? [...step.ticked, kind] : step.ticked.filter((k) => k !== kind))}
          />
        ))}
      </div>
      <div className="circ-pair">
        <TextField label={t('circuits.form.conditionFr')} value={step.conditionFr} onChange={(v) => set('conditionFr', v)} />
        <TextField label={t('circuits.form.conditionAr')} value={step.conditionAr} onChange={(v) => set('conditionAr', v)} dir="rtl" lang="ar" />
      </div>
      <div className="circ-pair">
        <TextArea label={t('circuits.form.bringFr')} value={step.bringFr} onChange={(v) => set('bringFr', v)} rows={3} />
        <TextArea label={t('circuits.form.bringAr')} value={step.bringAr} onChange={(v) => set('bringAr', v)} rows={3} dir="rtl" lang="ar" />
      </div>
      <div className="circ-pair">
        <TextField label={t('circuits.form.accompaniedFr')} value={step.accompaniedFr} onChange={(v) => set('accompaniedFr', v)} />
        <TextField label={t('circuits.form.accompaniedAr')} value={step.accompaniedAr} onChange={(v) => set('accompaniedAr', v)} dir="rtl" lang="ar" />
      </div>
      {onRemove ? (
        <Button size="small" onClick={onRemove}>
          {t('circuits.form.removeStep', { n })}
        </Button>
      ) : null}
    </fieldset>
  );
}
