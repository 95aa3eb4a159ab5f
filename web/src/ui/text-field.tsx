import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldFrame } from './field.tsx';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  requiredLabel?: string | undefined;
}

/** A labelled text input (also for passwords, dates, search). */
export function TextField({ label, value, onChange, hint, error, requiredLabel, className, type = 'text', required, ...rest }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} requiredLabel={required ? requiredLabel : undefined} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <input
          {...rest}
          id={inputId}
          type={type}
          className="input"
          value={value}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
