import { useState, type FormEvent } from 'react';
import { checkServiceDefinition, servicePictograms, ServiceDefinitionInput, type DefinedService, type FieldIssue, type ProgramCode } from '@relais/core';
import { createDefinedService, updateDefinedService } from '../../api/defined-services.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { MarkRequired } from '../../app/mark-required.tsx';
import { Alert, Button, Checkbox, RadioGroup, Select, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldErrorsOf, type FieldErrors } from '../../i18n/errors.ts';
import { draftOfDefinition, fieldTypes, inputOfDraft, newFieldDraft, type DefinitionDraft, type FieldDraft } from './defined-service-draft.ts';
import { ServicePictogram } from './service-pictogram.tsx';

/**
 * Adds or changes a service the organisation defines (ADR 0028): its code (fixed once saved), its
 * names in the three languages, a pictogram, its fields; a change saves a new version, and
 * retiring hides it from entry only.
 */
export function DefinedServiceForm({ program, editing, onSaved, onCancel }: {
  program: ProgramCode;
  editing: DefinedService | null;
  onSaved: (saved: DefinedService) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState<DefinitionDraft>(() => draftOfDefinition(editing));
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;
  const set = <K extends keyof DefinitionDraft>(key: K) => (value: DefinitionDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setField = (i: number, next: FieldDraft) => setDraft((d) => ({ ...d, fields: d.fields.map((f, j) => (j === i ? next : f)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    const local: FieldIssue[] = [];
    const input = inputOfDraft(draft, local);
    const body = validate(ServiceDefinitionInput, input);
    const rules = body.ok ? checkServiceDefinition({ fields: body.data.fields }) : [];
    if (!form.check(body, fieldErrorsOf(i18n, [...local, ...rules]))) return;
    await form.send(async () => {
      const { code, ...definition } = body.data;
      const saved = editing ? await updateDefinedService(program, editing.code, { ...definition, retired: draft.retired }) : await createDefinedService(program, { code, ...definition });
      onSaved(saved);
    });
  };

  return (
    <MarkRequired>
      <form className="form defined-service-form" onSubmit={(e) => void submit(e)} noValidate>
        <h3 className="subheading">{editing ? t('definedServices.editTitle', { service: editing.labels[i18n.locale] }) : t('definedServices.newTitle', { program: t(`program.${program}`) })}</h3>
        {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
        {editing ? <p className="field-hint">{t('definedServices.pastKept')}</p> : null}
        <TextField label={t('field.code')} hint={t('definedServices.codeHint')} value={draft.code} dir="ltr" required disabled={editing !== null} maxLength={40} error={errors.code} onChange={set('code')} />
        <div className="grid-3">
          <TextField label={t('definedServices.labelFr')} value={draft.fr} required maxLength={80} error={errors['labels.fr']} onChange={set('fr')} />
          <TextField label={t('definedServices.labelAr')} value={draft.ar} dir="rtl" lang="ar" required maxLength={80} error={errors['labels.ar']} onChange={set('ar')} />
          <TextField label={t('definedServices.labelEn')} value={draft.en} dir="ltr" lang="en" required maxLength={80} error={errors['labels.en']} onChange={set('en')} />
        </div>
        <RadioGroup
          legend={t('definedServices.pictogram')}
          value={draft.pictogram}
          error={errors.pictogram}
          options={servicePictograms.map((p) => ({ value: p, label: <span className="pictogram-choice"><ServicePictogram name={p} size={24} /> {t(`pictogram.${p}`)}</span> }))}
          onChange={(v) => set('pictogram')(v as DefinitionDraft['pictogram'])}
        />
        <h4 className="subheading">{t('definedServices.fields')}</h4>
        {draft.fields.length === 0 ? <p className="field-hint">{t('definedServices.noFields')}</p> : null}
        <ol className="service-rows">
          {draft.fields.map((f, i) => (
            <li key={i}>
              <FieldEditor n={i + 1} field={f} errors={errors} at={`fields.${i}.`} onChange={(next) => setField(i, next)} onRemove={() => setDraft((d) => ({ ...d, fields: d.fields.filter((_, j) => j !== i) }))} />
            </li>
          ))}
        </ol>
        <div className="form-actions">
          <Button onClick={() => setDraft((d) => ({ ...d, fields: [...d.fields, newFieldDraft(d.fields.length + 1)] }))} disabled={draft.fields.length >= 12}>
            {t('definedServices.addField')}
          </Button>
        </div>
        {editing ? <Checkbox label={t('definedServices.retired')} checked={draft.retired} onChange={set('retired')} /> : null}
        <div className="form-actions">
          <FormButtons busy={form.busy} variant="primary" onCancel={onCancel}>
            {t('definedServices.save')}
          </FormButtons>
        </div>
      </form>
    </MarkRequired>
  );
}

/** One field of the definition: its key, type, names, whether required, and what its type needs. */
function FieldEditor({ n, field, errors, at, onChange, onRemove }: { n: number; field: FieldDraft; errors: FieldErrors; at: string; onChange: (next: FieldDraft) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const set = <K extends keyof FieldDraft>(key: K) => (value: FieldDraft[K]) => onChange({ ...field, [key]: value });
  const err = (name: string) => errors[`${at}${name}`];
  return (
    <fieldset className="fieldset service-row">
      <legend className="fieldset-legend">{t('definedServices.fieldLegend', { n })}</legend>
      <div className="grid-2">
        <TextField label={t('field.key')} hint={t('definedServices.keyHint')} value={field.key} dir="ltr" required maxLength={40} error={err('key')} onChange={set('key')} />
        <Select label={t('definedServices.type')} value={field.type} required error={err('type')} options={fieldTypes.map((v) => ({ value: v, label: t(`defined_field_type.${v}`) }))} onChange={(v) => set('type')(v as FieldDraft['type'])} />
      </div>
      <div className="grid-3">
        <TextField label={t('definedServices.labelFr')} value={field.fr} required maxLength={80} error={err('labels.fr')} onChange={set('fr')} />
        <TextField label={t('definedServices.labelAr')} value={field.ar} dir="rtl" lang="ar" required maxLength={80} error={err('labels.ar')} onChange={set('ar')} />
        <TextField label={t('definedServices.labelEn')} value={field.en} dir="ltr" lang="en" required maxLength={80} error={err('labels.en')} onChange={set('en')} />
      </div>
      <Checkbox label={t('definedServices.required')} checked={field.required} onChange={set('required')} />
      {field.type === 'quantity' ? (
        <>
          <RadioGroup
            legend={t('definedServices.direction')}
            value={field.direction}
            error={err('direction')}
            options={[
              { value: 'out', label: t('definedServices.out') },
              { value: 'in', label: t('definedServices.in') },
            ]}
            onChange={(v) => set('direction')(v === 'in' ? 'in' : 'out')}
          />
          <div className="grid-3">
            <TextField label={t('definedServices.unitFr')} value={field.unitFr} required maxLength={80} error={err('unit.fr') ?? err('unit')} onChange={set('unitFr')} />
            <TextField label={t('definedServices.unitAr')} value={field.unitAr} dir="rtl" lang="ar" required maxLength={80} error={err('unit.ar')} onChange={set('unitAr')} />
            <TextField label={t('definedServices.unitEn')} value={field.unitEn} dir="ltr" lang="en" required maxLength={80} error={err('unit.en')} onChange={set('unitEn')} />
          </div>
          {field.direction === 'out' ? (
            <TextField label={t('definedServices.stockItem')} hint={t('definedServices.stockItemHint')} value={field.stockItem} dir="ltr" maxLength={40} error={err('stockItem')} onChange={set('stockItem')} />
          ) : (
            <p className="field-hint">{t('definedServices.collectedHint')}</p>
          )}
        </>
      ) : null}
      {field.type === 'choice' ? <TextArea label={t('definedServices.options')} value={field.options} required rows={3} error={err('options')} onChange={set('options')} /> : null}
      {field.type === 'number' ? (
        <div className="grid-2">
          <TextField label={t('definedServices.min')} value={field.min} inputMode="decimal" dir="ltr" maxLength={12} error={err('min')} onChange={set('min')} />
          <TextField label={t('definedServices.max')} value={field.max} inputMode="decimal" dir="ltr" maxLength={12} error={err('max')} onChange={set('max')} />
        </div>
      ) : null}
      <div className="form-actions">
        <Button size="small" variant="ghost" onClick={onRemove}>
          {t('definedServices.removeField', { n })}
        </Button>
      </div>
    </fieldset>
  );
}
