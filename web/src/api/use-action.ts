import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { describeError } from '../i18n/errors.ts';
import type { FormMessage } from './use-form-submit.ts';

/** A one-click action outside a form (on one item of a list): which item it runs for, and how the last one went. */
export interface Action {
  /** The key of the item whose action is running; null when none is. */
  busy: string | null;
  /** The outcome of the last action: its success text, or its failure described. */
  message: FormMessage | null;
  setMessage: (message: FormMessage | null) => void;
  /** Runs `call` for the item `key` (busy meanwhile); its success shows the text it returns. */
  run: (key: string, call: () => Promise<string>) => Promise<void>;
}

/** The steps every such action repeats: busy on its item, forget the last outcome, then say how it went. */
export function useAction(): Action {
  const i18n = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const run = async (key: string, call: () => Promise<string>) => {
    setBusy(key);
    setMessage(null);
    try {
      setMessage({ tone: 'success', text: await call() });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(null);
    }
  };
  return { busy, message, setMessage, run };
}
