import type { InputHTMLAttributes } from 'react';
import { FieldFrame, type FieldProps } from './field.tsx';

export interface FileFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'type' | 'multiple'>, FieldProps {
  /** Called with the chosen file, or null when the choice is cleared. */
  onChange: (file: File | null) => void;
}

/** A labelled file picker for one file (`accept` narrows the choice, e.g. ".csv,.xlsx"). */
export function FileField({ label, onChange, hint, error, requiredLabel, className, required, ...rest }: FileFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} requiredLabel={requiredLabel} required={required} className={className}>
      {(control) => (
        <input {...rest} {...control} type="file" className="input input-file" onChange={(e) => onChange(e.target.files?.[0] ?? null)}
        />
      )}
    </FieldFrame>
  );
}
