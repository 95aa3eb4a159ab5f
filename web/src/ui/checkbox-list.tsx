import type { ReactNode } from 'react';
import { Checkbox } from './checkbox.tsx';

/** One choice of a checkbox list. */
export interface CheckboxOption<V extends string = string> {
  value: V;
  label: ReactNode;
}

/** Checkboxes choosing some of `options`: `values` are the chosen ones; ticking one adds it at the end, unticking removes it. */
export function CheckboxList<V extends string>({ options, values, onChange }: {
  options: readonly CheckboxOption<V>[];
  values: readonly V[];
  onChange: (values: V[]) => void;
}) {
  return (
    <div className="checkbox-list">
      {options.map((o) => (
        <Checkbox key={o.value} label={o.label} checked={values.includes(o.value)} onChange={(on) => onChange(on ? [...values, o.value] : values.filter((v) => v !== o.value))} />
      ))}
    </div>
  );
}
