import { useState, type ComponentType, type ReactNode } from 'react';
import type { CaseData } from '../../api/cases.ts';
import type { FormSubmit } from '../../api/use-form-submit.ts';
import { Button, Card } from '../../ui/index.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';

/** What a case card's form is given: the case, how to give up, and what to do with the case once saved. */
export interface CardFormProps {
  c: CaseData;
  onCancel: () => void;
  onSaved: (c: CaseData) => void;
}

/**
 * A case card the case team changes in place: its title, a small button opening its form (for
 * writers, hidden while the form is open); the form shows below the content, or instead of it
 * (`formReplaces`). Once saved, the case goes to `onChange` and the form closes.
 */
export function EditableCard({ c, title, canWrite, openLabel, onChange, form: CardForm, formReplaces = false, children }: {
  c: CaseData;
  title: string;
  canWrite: boolean;
  openLabel: string;
  onChange: (c: CaseData) => void;
  form: ComponentType<CardFormProps>;
  formReplaces?: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const shown = open ? <CardForm c={c} onCancel={() => setOpen(false)} onSaved={(next) => (onChange(next), setOpen(false))} /> : null;
  return (
    <Card
      title={title}
      footer={
        canWrite && !open ? (
          <Button size="small" onClick={() => setOpen(true)}>
            {openLabel}
          </Button>
        ) : undefined
      }
    >
      {formReplaces && shown ? shown : children}
      {formReplaces ? null : shown}
    </Card>
  );
}

/**
 * A case card's form, named by `label`: the outcome of the last try above its fields, save (busy
 * while sending; `saveLabel` or "Save") and cancel below. `nested` when it sits under the card's content.
 */
export function CaseForm({ label, form, onSubmit, onCancel, saveLabel, nested = false, children }: {
  label: string;
  form: FormSubmit;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  saveLabel?: string;
  nested?: boolean;
  children: ReactNode;
}) {
  return (
    <SubmitForm className={nested ? 'form case-subform' : 'form'} label={label} form={form} onSubmit={onSubmit} onCancel={onCancel} submitLabel={saveLabel}>
      {children}
    </SubmitForm>
  );
}
