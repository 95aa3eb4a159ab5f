import type { TextareaHTMLAttributes } from 'react';
import { FieldFrame, type FieldProps } from './field.tsx';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'>, FieldProps {
  value: string;
  onChange: (value: string) => void;
}

/** A labelled multi-line text input. */
export function TextArea({ label, value, onChange, hint, error, requiredLabel, className, required, rows = 4, ...rest }: TextAreaProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} requiredLabel={requiredLabel} required={required} className={className}>
      {(control) => (
        <textarea {...rest} {...control} rows={rows} className="input textarea" value={value} onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
