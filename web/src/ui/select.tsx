import type { SelectHTMLAttributes } from 'react';
import { FieldFrame, type FieldProps } from './field.tsx';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
  /** Language of the option's label (e.g. each language name in its own language). */
  lang?: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'>, FieldProps {
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** Hide the label visually (still read by screen readers). */
  hideLabel?: boolean;
}

/** The visible text of an option: its label without the indentation of a tree. */
function shownLabel(options: readonly SelectOption[], value: string): string {
  return (options.find((o) => o.value === value)?.label ?? '').replace(/^[\s\u00a0]+/, '');
}

/**
 * A labelled native select (works well on phones and with screen readers). Its closed value is
 * drawn by a span over it with its own direction (`dir="auto"`): a Latin name in an Arabic page
 * reads from its start and is cut at its end, where a native RTL select cuts its start.
 */
export function Select({ label, value, options, onChange, hint, error, requiredLabel, className, hideLabel, required, ...rest }: SelectProps) {
  const shown = shownLabel(options, value);
  return (
    <FieldFrame
      label={hideLabel ? <span className="visually-hidden">{label}</span> : label}
      hint={hint}
      error={error}
      requiredLabel={requiredLabel}
      required={required}
      className={[className ?? '', hideLabel ? 'field-compact' : ''].filter(Boolean).join(' ')}
    >
      {(control) => (
        <div className="select-wrap">
          <select {...rest} {...control} className="input select select-overlaid" value={value} onChange={(e) => onChange(e.target.value)}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value} disabled={o.disabled} lang={o.lang}>
                {o.label}
              </option>
            ))}
          </select>
          <span className="select-value" aria-hidden="true">
            <span dir="auto" lang={options.find((o) => o.value === value)?.lang}>
              {shown}
            </span>
          </span>
        </div>
      )}
    </FieldFrame>
  );
}
