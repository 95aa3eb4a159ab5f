import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldFrame } from './field.tsx';

export interface FileFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'type' | 'multiple'> {
  label: ReactNode;
  /** Called with the chosen file, or null when the choice is cleared. */
  onChange: (file: File | null) => void;
  hint?: ReactNode;
  error?: string | undefined;
  requiredLabel?: string | undefined;
}

/** A labelled file picker for one file (`accept` narrows the choice, e.g. ".csv,.xlsx"). */
export function FileField({ label, onChange, hint, error, requiredLabel, className, required, ...rest }: FileFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} requiredLabel={required ? requiredLabel : undefined} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <input
          {...rest}
          id={inputId}
          type="file"
          className="input input-file"
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.files?.[0] ?? null)}
        />
      )}
    </FieldFrame>
  );
}
