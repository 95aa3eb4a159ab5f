import { useState, type ReactNode } from 'react';
import { Button, Card } from '../ui/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A list's filters: the `draft` edited in the form (`set(key)` changes one), the `filters` in force;
 * `apply` puts the draft (or given filters) in force, `clear` the empty ones; `onApplied` runs after
 * each (e.g. back to the first page).
 */
export function useFilters<F extends object>({ empty, initial = empty, onApplied }: { empty: F; initial?: F; onApplied?: () => void }) {
  const [draft, setDraft] = useState<F>(initial);
  const [filters, setFilters] = useState<F>(initial);
  const apply = (next: F = draft) => {
    setDraft(next);
    setFilters({ ...next });
    onApplied?.();
  };
  return {
    draft,
    filters,
    set:
      <K extends keyof F>(key: K) =>
      (value: F[K]) =>
        setDraft((d) => ({ ...d, [key]: value })),
    apply,
    clear: () => apply(empty),
  };
}

/** The card holding a list's filters: its fields, then the button applying them (`submitLabel`, or "Search") and "Clear". */
export function FilterCard({ title, isSearch = true, submitLabel, onApply, onClear, children }: {
  title: string;
  /** A search form (a landmark) rather than plain filters. */
  isSearch?: boolean;
  submitLabel?: string;
  onApply: () => void;
  onClear: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card title={title}>
      <form
        className="filters"
        role={isSearch ? 'search' : undefined}
        onSubmit={(e) => {
          e.preventDefault();
          onApply();
        }}
      >
        {children}
        <div className="form-actions">
          <Button type="submit" variant="primary">
            {submitLabel ?? t('common.search')}
          </Button>
          <Button onClick={onClear}>{t('auditLog.clear')}</Button>
        </div>
      </form>
    </Card>
  );
}
