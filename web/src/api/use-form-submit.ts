import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { describeError, fieldErrorsOf, fieldErrorsOfError, type FieldErrors } from '../i18n/errors.ts';
import type { Validation } from './validate.ts';

/** The sentence shown above a form after a try. */
export interface FormMessage {
  tone: 'error' | 'success';
  text: string;
}

/** What a form shows of its submit, and the steps of a submit. */
export interface FormSubmit {
  /** Field path → message, next to each field. */
  errors: FieldErrors;
  setErrors: (errors: FieldErrors) => void;
  /** The error of the last send (kept whole: some forms offer an action by its code); undefined when none. */
  failure: unknown;
  /** Above the form: the failure described, "check the form" (with `alertsInvalid`), or the last success. */
  message: FormMessage | null;
  /** Is the call running? */
  busy: boolean;
  /** Forgets the outcome of the last try: the first step of a submit. */
  begin: () => void;
  /** Shows the errors of the local check (the contract's, then `more`); true when there are none. */
  check: <T>(checked: Validation<T>, more?: FieldErrors) => checked is { ok: true; data: T };
  /** Runs the call, busy meanwhile; an error it throws becomes field errors and the failure. True when it succeeded. */
  send: (call: () => Promise<void>) => Promise<boolean>;
  /** Shows a success above the form. */
  succeed: (text: string) => void;
  /** Shows a failure that belongs to no field (e.g. of a side action). */
  fail: (error: unknown) => void;
}

/**
 * The steps every form repeats: check the input with the core contract, send it, and turn a
 * failure into messages next to the fields and one sentence above the form (describeError).
 * With `alertsInvalid`, a failed local check also says so above the form.
 */
export function useFormSubmit({ alertsInvalid = false }: { alertsInvalid?: boolean } = {}): FormSubmit {
  const i18n = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [isInvalid, setInvalid] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const begin = () => {
    setFailure(undefined);
    setInvalid(false);
    setSuccess(null);
  };

  const check = <T>(checked: Validation<T>, more: FieldErrors = {}): checked is { ok: true; data: T } => {
    const found = { ...more, ...(checked.ok ? {} : fieldErrorsOf(i18n, checked.fields)) };
    setErrors(found);
    const isValid = checked.ok && Object.keys(found).length === 0;
    if (!isValid && alertsInvalid) setInvalid(true);
    return isValid;
  };

  const send = async (call: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    try {
      await call();
      return true;
    } catch (error) {
      setErrors(fieldErrorsOfError(i18n, error));
      setFailure(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const message: FormMessage | null =
    failure !== undefined
      ? { tone: 'error', text: describeError(i18n, failure) }
      : isInvalid
        ? { tone: 'error', text: i18n.t('error.validation_failed') }
        : success !== null
          ? { tone: 'success', text: success }
          : null;

  return {
    errors,
    setErrors,
    failure,
    message,
    busy,
    begin,
    check,
    send,
    succeed: (text) => {
      setFailure(undefined);
      setSuccess(text);
    },
    fail: (error) => {
      setSuccess(null);
      setFailure(error);
    },
  };
}
