import { useEffect, useState } from 'react';
import { explainMatch, type MatchReason } from '@relais/core';
import { listDuplicates, markDistinct, mergeBeneficiaries, type BeneficiarySummary, type DuplicatePair } from '../../api/endpoints.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { Pager } from '../../app/pager.tsx';
import { Alert, Button, Card, ConfirmDialog, Page, RadioGroup } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { SummaryFacts } from './beneficiary-summary.tsx';
import { MergeHistory } from './merge-history.tsx';

const PAGE_SIZE = 10;

/** Coordinators' review queue: pairs that may be one person; "not the same person" or merge. */
export function DuplicatesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [offset, setOffset] = useState(0);
  const [historyKey, setHistoryKey] = useState(0);
  const pairs = useApi(() => listDuplicates({ limit: PAGE_SIZE, offset }), [offset, historyKey]);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const { busy, message, setMessage, run } = useAction();
  const total = pairs.data?.total ?? 0;

  const changed = () => setHistoryKey((k) => k + 1);
  const emptyPage = pairs.data !== undefined && pairs.data.items.length === 0;
  useEffect(() => {
    // The queue shrank under the current page: go back to one that has pairs.
    if (emptyPage && offset > 0) setOffset((o) => Math.max(0, o - PAGE_SIZE));
  }, [emptyPage, offset]);

  const distinct = (pair: DuplicatePair) =>
    run(pairKey(pair), async () => {
      await markDistinct({ a: pair.a.id, b: pair.b.id });
      changed();
      return t('duplicates.distinctDone', { a: pair.a.code, b: pair.b.code });
    });

  return (
    <Page title={t('duplicates.title')} intro={t('duplicates.intro')}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <ReadStatus of={pairs} />
      {pairs.data && pairs.data.items.length === 0 ? <Alert tone="success">{t('duplicates.none')}</Alert> : null}
      {pairs.data?.items.map((pair) => (
        <Card key={pairKey(pair)} title={t('duplicates.pairTitle', { a: pair.a.code, b: pair.b.code })} className="pair">
          <p className="probable-explanation">{pair.reasons.length ? explainMatch(i18n.locale, pair.reasons as MatchReason[], pair.a.code) : pair.explanation}</p>
          <p className="field-hint">{t('duplicates.score', { score: Math.round(pair.score * 100) })}</p>
          <div className="grid-2 pair-sides">
            <SummaryFacts s={pair.a} />
            <SummaryFacts s={pair.b} />
          </div>
          <div className="form-actions">
            <Button busy={busy === pairKey(pair)} disabled={busy !== null} onClick={() => void distinct(pair)}>
              {t('duplicates.distinct')}
            </Button>
            <Button variant="primary" disabled={busy !== null} onClick={() => setMerging(pair)}>
              {t('duplicates.merge')}
            </Button>
          </div>
        </Card>
      ))}
      {total > PAGE_SIZE ? (
        <Pager offset={offset} pageSize={PAGE_SIZE} total={total} capped={pairs.data?.totalCapped} loading={pairs.loading} onOffset={setOffset} />
      ) : null}
      {merging ? (
        <MergeDialog
          pair={merging}
          onClose={() => setMerging(null)}
          onMerged={(kept, merged) => {
            setMerging(null);
            setMessage({ tone: 'success', text: t('duplicates.merged', { kept: kept.code, merged: merged.code }) });
            changed();
          }}
        />
      ) : null}
      <MergeHistory reloadKey={historyKey} onUndone={() => setHistoryKey((k) => k + 1)} />
    </Page>
  );
}

function pairKey(pair: DuplicatePair): string {
  return `${pair.a.id}:${pair.b.id}`;
}

/** Choose the record to keep; say what happens to the other one, and that it can be undone. */
function MergeDialog({ pair, onClose, onMerged }: {
  pair: DuplicatePair;
  onClose: () => void;
  onMerged: (kept: BeneficiarySummary, merged: BeneficiarySummary) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  // By default the older record is kept (its code is the one the person has used longest).
  const [keepId, setKeepId] = useState(pair.a.registeredOn <= pair.b.registeredOn ? pair.a.id : pair.b.id);
  const kept = keepId === pair.a.id ? pair.a : pair.b;
  const merged = keepId === pair.a.id ? pair.b : pair.a;

  const merge = async () => {
    await mergeBeneficiaries({ keepId: kept.id, mergeId: merged.id });
    onMerged(kept, merged);
  };

  return (
    <ConfirmDialog
      title={t('duplicates.mergeTitle')}
      cancelLabel={t('record.cancel')}
      confirmLabel={t('duplicates.mergeConfirm', { kept: kept.code })}
      onConfirm={merge}
      onClose={onClose}
      describeFailure={(error) => describeError(i18n, error)}
    >
      <RadioGroup
        legend={t('duplicates.keepWhich')}
        value={keepId}
        onChange={setKeepId}
        options={[pair.a, pair.b].map((s) => ({
          value: s.id,
          label: t('duplicates.keep', { code: s.code }),
          hint: t('duplicates.keepHint', { date: i18n.formatDate(s.registeredOn), unit: s.registeredUnit.name }),
        }))}
      />
      <p>{t('duplicates.mergeExplain', { kept: kept.code, merged: merged.code })}</p>
      <p className="field-hint">{t('duplicates.mergeUndoable')}</p>
    </ConfirmDialog>
  );
}
