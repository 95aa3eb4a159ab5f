import { useId, type ReactNode } from 'react';

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/** A group of radio buttons with a legend (one choice among a few, all visible). */
export function RadioGroup({ legend, name, value, options, onChange, error, disabled }: {
  legend: ReactNode;
  name?: string;
  value: string;
  options: readonly RadioOption[];
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Disables every choice (e.g. while the form is being sent). */
  disabled?: boolean;
}) {
  const id = useId();
  const groupName = name ?? id;
  return (
    <fieldset
      className={['fieldset', 'radio-group', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={error ? `${id}-error` : undefined}
      disabled={disabled}
    >
      <legend className="field-label">{legend}</legend>
      {options.map((o) => (
        <div className="checkbox" key={o.value}>
          <input
            id={`${id}-${o.value}`}
            type="radio"
            name={groupName}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <div className="checkbox-text">
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
            {o.hint ? <p className="field-hint">{o.hint}</p> : null}
          </div>
        </div>
      ))}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
