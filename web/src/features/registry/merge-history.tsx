import { listMerges, undoMerge, type MergeData } from '../../api/endpoints.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Button, Card, Code } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The merges (of one person, or all), newest first, each with "undo" while it stands. */
export function MergeHistory({ beneficiaryId, onUndone, reloadKey = 0 }: {
  beneficiaryId?: string;
  onUndone?: () => void;
  /** Changes when the caller knows the history changed (e.g. after a merge). */
  reloadKey?: number;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const merges = useApi(() => listMerges(beneficiaryId ? { beneficiaryId } : {}), [beneficiaryId, reloadKey]);
  const { busy, message, run } = useAction();

  const undo = (m: MergeData) =>
    run(m.id, async () => {
      await undoMerge(m.id);
      merges.reload();
      onUndone?.();
      return t('merges.undone', { merged: m.mergedCode, kept: m.keptCode });
    });

  const items = [...(merges.data?.items ?? [])].sort((a, b) => b.mergedAt.localeCompare(a.mergedAt));
  if (beneficiaryId && merges.data && items.length === 0 && !message) return null;
  return (
    <Card title={t('merges.title')}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <ReadStatus of={merges} />
      {merges.data && items.length === 0 ? <p className="muted">{t('merges.none')}</p> : null}
      {items.length ? (
        <ul className="item-list">
          {items.map((m) => (
            <li key={m.id} className="item">
              <div>
                <p className="merge-line">
                  <Code>{m.mergedCode}</Code>{' '}
                  {t('merges.into')}{' '}
                  <Link to={`/beneficiaries/${m.keptId}`}>
                    <Code>{m.keptCode}</Code>
                  </Link>
                </p>
                <p className="field-hint">
                  {t('merges.by', { date: i18n.formatDateTime(m.mergedAt), name: m.mergedBy })}
                  {m.undoneAt ? <> · {t('merges.undoneAt', { date: i18n.formatDateTime(m.undoneAt) })}</> : null}
                </p>
              </div>
              {m.undoneAt ? (
                <span className="tag tag-off">{t('merges.undoneTag')}</span>
              ) : (
                <Button
                  size="small"
                  busy={busy === m.id}
                  disabled={busy !== null}
                  aria-label={t('merges.undoOf', { merged: m.mergedCode, kept: m.keptCode })}
                  onClick={() => void undo(m)}
                >
                  {t('merges.undo')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
