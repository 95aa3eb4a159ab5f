import type { DefinedField, DefinedService } from '@relais/core';
import { RadioGroup, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { ServicePictogram } from '../programs/service-pictogram.tsx';

/**
 * The fields of a service the organisation defined (ADR 0028), as its definition in force lists
 * them: its pictogram and name, then one input per field in the reader's language. Values are
 * typed as text (`yes`/`no` for a yes/no); `definedValuesOf` turns them into what is sent.
 */
export function DefinedFields({ service, values, onChange, errors, at }: {
  service: DefinedService;
  values: Readonly<Record<string, string>>;
  onChange: (next: Record<string, string>) => void;
  errors: FieldErrors;
  at: string;
}) {
  const { t, locale } = useI18n();
  const set = (key: string) => (value: string) => onChange({ ...values, [key]: value });
  const input = (f: DefinedField) => {
    const common = { label: f.labels[locale], required: f.required, error: errors[`${at}fields.${f.key}`] };
    const value = values[f.key] ?? '';
    switch (f.type) {
      case 'quantity':
        // The unit, and whether it is handed out or collected (used syringes brought back).
        return (
          <TextField
            {...common}
            hint={[f.unit?.[locale], t(f.direction === 'in' ? 'capture.quantityInHint' : 'capture.quantityOutHint')].filter(Boolean).join(' — ')}
            value={value}
            inputMode="numeric"
            dir="ltr"
            maxLength={6}
            onChange={set(f.key)}
          />
        );
      case 'number':
        return <TextField {...common} hint={rangeHint(f)} value={value} inputMode="decimal" dir="ltr" maxLength={12} onChange={set(f.key)} />;
      case 'choice':
        return <Select {...common} value={value} options={[{ value: '', label: '—' }, ...f.options.map((o) => ({ value: o.code, label: o.labels[locale] }))]} onChange={set(f.key)} />;
      case 'yes_no':
        return (
          <RadioGroup
            legend={f.labels[locale]}
            value={value}
            options={[
              { value: 'yes', label: t('record.yes') },
              { value: 'no', label: t('record.no') },
            ]}
            error={common.error}
            onChange={set(f.key)}
          />
        );
      case 'text':
        return <TextField {...common} value={value} maxLength={200} onChange={set(f.key)} />;
    }
  };
  return (
    <>
      <p className="defined-service-name">
        <ServicePictogram name={service.pictogram} />
        <span>{service.labels[locale]}</span>
      </p>
      {service.fields.map((f) => (
        <div key={f.key}>{input(f)}</div>
      ))}
    </>
  );
}

/** "20 – 45" for a number with bounds (digits left to right in every language). */
function rangeHint(f: DefinedField): string | undefined {
  if (f.min === null && f.max === null) return undefined;
  return `\u2066${f.min ?? '…'} – ${f.max ?? '…'}\u2069`;
}
