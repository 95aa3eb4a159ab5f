import type { FormHTMLAttributes, ReactNode } from 'react';
import { Alert } from './alert.tsx';

/** The sentence above a form after a try: what failed, or what was saved. */
export interface FormOutcome {
  tone: 'error' | 'success';
  text: string;
}

/**
 * A form the page checks itself (no browser bubbles, no reload): `onSubmit` runs on submit; the
 * outcome of the last try shows above the fields, the actions (its submit button) below them.
 */
export function Form({ onSubmit, message, actions, children, className = 'form', ...rest }: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & {
  onSubmit: () => Promise<void>;
  message?: FormOutcome | null;
  actions?: ReactNode;
}) {
  return (
    <form
      {...rest}
      className={className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {children}
      {actions ? <div className="form-actions">{actions}</div> : null}
    </form>
  );
}
