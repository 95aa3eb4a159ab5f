import type { InputHTMLAttributes } from 'react';
import { FieldFrame, type FieldProps } from './field.tsx';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'>, FieldProps {
  value: string;
  onChange: (value: string) => void;
}

/** A labelled text input (also for passwords, dates, search). */
export function TextField({ label, value, onChange, hint, error, requiredLabel, className, type = 'text', required, ...rest }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} requiredLabel={requiredLabel} required={required} className={className}>
      {(control) => (
        <input {...rest} {...control} type={type} className="input" value={value} onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

/** A code typed as it is written (an organisation's, a unit's, a population's): Latin capitals, left to right, no spelling check. */
export function CodeTextField(props: TextFieldProps) {
  return <TextField dir="ltr" autoCapitalize="characters" spellCheck={false} {...props} />;
}
