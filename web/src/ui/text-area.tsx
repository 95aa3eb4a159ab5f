import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field.tsx';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  requiredLabel?: string | undefined;
}

/** A labelled multi-line text input. */
export function TextArea({ label, value, onChange, hint, error, requiredLabel, className, required, rows = 4, ...rest }: TextAreaProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} requiredLabel={required ? requiredLabel : undefined} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <textarea
          {...rest}
          id={inputId}
          rows={rows}
          className="input textarea"
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
