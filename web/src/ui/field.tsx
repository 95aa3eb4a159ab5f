import { useId, type ReactNode } from 'react';

export interface FieldFrameProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Text read after the label for required fields (e.g. "required"), shown as an asterisk. */
  requiredLabel?: string | undefined;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}

/** Label, hint and error around a form control; wires `aria-describedby` and `aria-invalid`. */
export function FieldFrame({ label, hint, error, requiredLabel, children, className }: FieldFrameProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <div className="field-label-row">
        <label className="field-label" htmlFor={inputId}>
          {label}
        </label>
        {requiredLabel ? (
          // Outside the label so the field's name stays exactly its label; `required` tells assistive tech.
          <span className="field-required" title={requiredLabel} aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ inputId, describedBy, invalid: Boolean(error) })}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
