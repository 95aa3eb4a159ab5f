import { createContext, useContext, useId, type ReactNode } from 'react';

/** What every labelled control takes beside its own attributes. */
export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Text read after the label for required fields (e.g. "required"), shown as an asterisk; by default the one of `RequiredMark`. */
  requiredLabel?: string | undefined;
}

/**
 * The text of the asterisk of the required fields inside (e.g. "required"), given once by a form
 * that marks its required fields; outside one, a required field shows no asterisk.
 */
export const RequiredMark = createContext<string | undefined>(undefined);

/** What ties a control to its frame (its id, its hint and error, whether it is required): spread it on the control. */
export interface ControlProps {
  id: string;
  required: boolean | undefined;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export interface FieldFrameProps extends FieldProps {
  /** A required control: the asterisk shows when `requiredLabel` (or `RequiredMark`) is given too. */
  required?: boolean | undefined;
  children: (control: ControlProps) => ReactNode;
  className?: string | undefined;
}

/** Label, hint and error around a form control; wires `aria-describedby` and `aria-invalid`. */
export function FieldFrame({ label, hint, error, requiredLabel, required, children, className }: FieldFrameProps) {
  const markLabel = useContext(RequiredMark);
  const mark = requiredLabel ?? markLabel;
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
        {required && mark ? (
          // Outside the label so the field's name stays exactly its label; `required` tells assistive tech.
          <span className="field-required" title={mark} aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id: inputId, required, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
