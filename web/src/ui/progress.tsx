import { useId } from 'react';

/**
 * A progress bar under its text. `value` is a percentage, or null while the remaining work is
 * unknown (an indeterminate bar). The text is announced politely when it changes, so it should
 * name the step ("Sending…", "Checking…"), not the number, which `valueText` shows.
 */
export function Progress({ label, value, valueText }: { label: string; value: number | null; valueText?: string }) {
  const id = useId();
  return (
    <div className="progress">
      <p className="progress-label" id={id} role="status">
        <span className="spinner" aria-hidden="true" />
        {label}
      </p>
      <div className="progress-row">
        <progress className="progress-bar" aria-labelledby={id} max={100} value={value ?? undefined} />
        {value !== null && valueText ? (
          <span className="progress-value" aria-hidden="true">
            {valueText}
          </span>
        ) : null}
      </div>
    </div>
  );
}
