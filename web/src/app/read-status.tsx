import type { ReactNode } from 'react';
import type { ApiState } from '../api/use-api.ts';
import { Alert, Loading, Page } from '../ui/index.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { describeError } from '../i18n/errors.ts';

/** A failure told in the reader's words (nothing when there is none). */
export function ErrorAlert({ error }: { error: unknown }) {
  const i18n = useI18n();
  return error ? <Alert tone="error">{describeError(i18n, error)}</Alert> : null;
}

/** Where a read stands: the failure of the last try, and "Loading…" until the first answer. */
export function ReadStatus({ of }: { of: Pick<ApiState<unknown>, 'data' | 'error' | 'loading'> }) {
  const { t } = useI18n();
  return (
    <>
      <ErrorAlert error={of.error} />
      {of.loading && !of.data ? <Loading label={t('app.loading')} /> : null}
    </>
  );
}

/**
 * A screen about one thing read from the API: "Loading…" until it comes; when it cannot be read,
 * a page titled `title` with `actions` (a way back) and the failure; else `children` with it.
 */
export function LoadedPage<T>({ of, title, actions, children }: { of: ApiState<T>; title: string; actions: ReactNode; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (of.error && !of.data) {
    return (
      <Page title={title} actions={actions}>
        <ErrorAlert error={of.error} />
      </Page>
    );
  }
  if (!of.data) return <Loading label={t('app.loading')} />;
  return <>{children(of.data)}</>;
}

/**
 * The items of a read as a list: where the read stands, then one item each (drawn by `children`), or
 * `empty` when there are none.
 */
export function ReadItems<T extends { id: string }>({ of, empty, className = 'item-list', itemClassName, children }: {
  of: Pick<ApiState<{ items: readonly T[] }>, 'data' | 'error' | 'loading'>;
  empty: string;
  className?: string;
  itemClassName?: string;
  children: (item: T) => ReactNode;
}) {
  return (
    <>
      <ReadStatus of={of} />
      {of.data ? (
        of.data.items.length ? (
          <ul className={className}>
            {of.data.items.map((item) => (
              <li key={item.id} className={itemClassName}>
                {children(item)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{empty}</p>
        )
      ) : null}
    </>
  );
}
