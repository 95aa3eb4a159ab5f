import type { ReactNode } from 'react';
import { RequiredMark } from '../ui/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The required fields inside show their asterisk, read "required" in the reader's language: a form
 * with optional fields says once that it marks the others (one whose fields are all required, such
 * as logging in, marks none).
 */
export function MarkRequired({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <RequiredMark.Provider value={t('common.requiredMark')}>{children}</RequiredMark.Provider>;
}
