import { Button } from '../ui/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Previous and next over a list shown a page at a time, with "x–y of n" between them
 * (`capped`: n is a lower bound); `empty` is said instead when the list is empty.
 */
export function Pager({ offset, pageSize, total, capped = false, loading, onOffset, empty }: {
  offset: number;
  pageSize: number;
  total: number;
  capped?: boolean | undefined;
  loading: boolean;
  onOffset: (offset: number) => void;
  empty?: string;
}) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      <Button size="small" disabled={offset === 0 || loading} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        {t('common.previous')}
      </Button>
      <span aria-live="polite">
        {total === 0 && empty !== undefined ? empty : t(capped ? 'common.pageInfoMore' : 'common.pageInfo', { from: offset + 1, to: Math.min(offset + pageSize, total), total })}
      </span>
      <Button size="small" disabled={offset + pageSize >= total || loading} onClick={() => onOffset(offset + pageSize)}>
        {t('common.next')}
      </Button>
    </nav>
  );
}
