import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Code, ConfirmDialog, Page, Table, type Column } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { useOnline } from '../../app/online.ts';
import { settleEdit } from '@relais/core';
import { deleteOutboxItem, listOutbox, retryOutboxItem, sendOutbox, settleQueuedEdit, useOutbox, type OutboxItem, type QueuedEdit, type SendOutcome } from '../../offline/outbox.ts';
import { lazyCard } from '../../app/lazy-card.tsx';
import { formatDay } from '../capture/service-labels.ts';
import { RegistrationConflict } from './registration-conflict.tsx';
import { LinePictogram } from '../capture/low-literacy.tsx';
import { outboxPictograms } from '../capture/pictograms.ts';

// An edit in conflict is rare: its dialog comes in its own chunk (field budget).
const EditConflictDialog = lazyCard(() => import('./edit-conflict.tsx').then((m) => m.EditConflictDialog));

/** An edit refused because the same fields changed meanwhile, with what the server said of them. */
const inConflict = (i: OutboxItem) => (i.kind === 'update_beneficiary' && i.rejection?.code === 'edit_conflict' && i.rejection.conflict ? i.rejection.conflict : null);

/**
 * My outbox (ADR 0027): what was saved on this device and not yet accepted by the server. Each
 * waiting item goes at the next send; a refused one shows the server's reason and can be sent
 * again or deleted (after a confirmation). Nothing leaves the list by itself otherwise.
 */
export function OutboxPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const online = useOnline();
  const { count, sending } = useOutbox();
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [deleting, setDeleting] = useState<OutboxItem | null>(null);
  const [settling, setSettling] = useState<OutboxItem | null>(null);
  const reload = useCallback(() => void listOutbox().then(setItems), []);
  useEffect(reload, [reload, count, sending]);

  const send = async () => setOutcome(await sendOutbox());
  const columns: Column<OutboxItem>[] = [
    {
      key: 'what',
      header: t('outbox.what'),
      render: (i) => (
        <span className="picto-line">
          <LinePictogram name={outboxPictograms[i.kind]} />
          {t(`outbox.kind.${i.kind}`)}
        </span>
      ),
    },
    { key: 'who', header: t('outbox.who'), render: (i) => (i.kind === 'record_group_session' ? <bdi>{i.label}</bdi> : <Code>{i.label}</Code>) },
    { key: 'date', header: t('outbox.date'), render: (i) => formatDay(intlTag(i18n.locale), i.date) },
    {
      key: 'status',
      header: t('outbox.status'),
      render: (i) =>
        i.rejection ? (
          <div className="stack">
            <strong className="picto-line is-rejected">
              <LinePictogram name="alert" />
              {inConflict(i) ? t('editConflict.toDecide') : t('outbox.rejected')}
            </strong>
            <span>{i.rejection.message}</span>
            {i.rejection.fields?.map((f) => <span key={f.field}>{f.message}</span>)}
            {i.kind === 'register_beneficiary' && i.rejection.code === 'beneficiary_exists' ? <RegistrationConflict item={i} onDone={reload} /> : null}
            {inConflict(i) ? (
              <Button size="small" variant="primary" disabled={!online} onClick={() => setSettling(i)}>
                {t('editConflict.settle')}
              </Button>
            ) : null}
          </div>
        ) : (
          <span className="picto-line">
            <LinePictogram name="clock" />
            {t('outbox.waitingOne')}
          </span>
        ),
    },
    {
      key: 'actions',
      header: t('outbox.actions'),
      render: (i) => (
        <div className="form-actions">
          {i.rejection && !inConflict(i) ? (
            <Button size="small" disabled={!online} onClick={() => void retryOutboxItem(i.id).then(reload)}>
              {t('outbox.retry')}
            </Button>
          ) : null}
          <Button size="small" variant="ghost" onClick={() => setDeleting(i)}>
            {t('outbox.delete')}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <Page
      title={t('outbox.title')}
      intro={t('outbox.intro')}
      actions={
        <Button variant="primary" busy={sending} disabled={!online || count === 0} onClick={() => void send()}>
          {t('outbox.send')}
        </Button>
      }
    >
      {online ? null : <Alert tone="info">{t('outbox.offline')}</Alert>}
      {outcome?.failed ? <Alert tone="error">{describeError(i18n, outcome.failed)}</Alert> : null}
      {outcome && !outcome.failed ? <Alert tone={outcome.rejected ? 'warning' : 'success'}>{t('outbox.sent', { sent: outcome.sent, rejected: outcome.rejected })}</Alert> : null}
      <Table caption={t('outbox.title')} columns={columns} rows={items ?? []} rowKey={(i) => i.id} empty={t('outbox.empty')} />
      {settling && inConflict(settling) ? (
        <EditConflictDialog
          code={settling.label}
          conflict={inConflict(settling)!}
          onClose={() => setSettling(null)}
          onDrop={async () => {
            await deleteOutboxItem(settling.id);
            setSettling(null);
            reload();
          }}
          onSend={async (choices) => {
            const edit = settling.payload as QueuedEdit;
            await settleQueuedEdit(settling.id, { ...edit, baseVersion: inConflict(settling)!.version, changes: settleEdit(edit.changes, choices) });
            setSettling(null);
            reload();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('outbox.deleteTitle')}
          cancelLabel={t('outbox.cancel')}
          confirmLabel={t('outbox.delete')}
          describeFailure={(error) => describeError(i18n, error)}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteOutboxItem(deleting.id);
            setDeleting(null);
            reload();
          }}
        >
          <p>{t('outbox.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}
