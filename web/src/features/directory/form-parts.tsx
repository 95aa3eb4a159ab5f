import type { ReactNode } from 'react';
import type { FormSubmit } from '../../api/use-form-submit.ts';
import { Button, FieldGroup, TextField } from '../../ui/index.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** A directory form named by `label`: the outcome of the last try above, save (busy while sending) and cancel below. */
export function DirForm({ label, form, onSubmit, onCancel, saveLabel, children }: {
  label: string;
  form: FormSubmit;
  onSubmit: () => Promise<void>;
  onCancel?: () => void;
  saveLabel?: string;
  children: ReactNode;
}) {
  return (
    <SubmitForm className="form dir-form" label={label} form={form} onSubmit={onSubmit} onCancel={onCancel} submitLabel={saveLabel}>
      {children}
    </SubmitForm>
  );
}

/**
 * A short list of texts typed one per field (phone numbers, documents to bring): "add" appends
 * an empty one, each has its "remove"; `errorOf(i)` is the error of the i-th.
 */
export function TextList({ legend, items, onChange, itemLabel, addLabel, errorOf, max, type = 'text', inputMode }: {
  legend: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  itemLabel: (n: number) => string;
  addLabel: string;
  errorOf: (i: number) => string | undefined;
  max: number;
  type?: string;
  inputMode?: 'tel' | 'text';
}) {
  const { t } = useI18n();
  return (
    <FieldGroup legend={legend}>
      {items.map((value, i) => (
        <div key={i} className="dir-list-row">
          <TextField
            label={itemLabel(i + 1)}
            type={type}
            inputMode={inputMode}
            dir={type === 'tel' ? 'ltr' : undefined}
            value={value}
            error={errorOf(i)}
            onChange={(v) => onChange(items.map((x, j) => (j === i ? v : x)))}
          />
          <Button size="small" variant="ghost" onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={`${t('directory.form.remove')} ${itemLabel(i + 1)}`}>
            {t('directory.form.remove')}
          </Button>
        </div>
      ))}
      {items.length < max ? (
        <Button size="small" onClick={() => onChange([...items, ''])}>
          {addLabel}
        </Button>
      ) : null}
    </FieldGroup>
  );
}

/** The error of the i-th typed number, whose index among the sent phones (blanks dropped) may be lower. */
export function phoneErrorOf(errors: Record<string, string>, prefix: string, numbers: readonly string[]): (i: number) => string | undefined {
  return (i) => {
    if (!numbers[i]?.trim()) return undefined;
    const sent = numbers.slice(0, i).filter((n) => n.trim()).length;
    return errors[`${prefix}${sent}.number`] ?? errors[`${prefix}${sent}`];
  };
}
