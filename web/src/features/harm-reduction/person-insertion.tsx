import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { Alert, Button, Card, ConfirmDialog } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { deleteInsertionStep, insertionStepsOf, type InsertionStepData } from './harm-reduction-api.ts';
import { InsertionForm } from './insertion-form.tsx';
import './harm-reduction.css';

/**
 * "Parcours d'insertion" on a person's record (ADR 0033): her steps towards work, newest first —
 * a training (completed or not), a mediation with an employer, an internship, a job or
 * self-employment, each with its dates; adding a step, following one up (its end, whether
 * completed), deleting one entered by mistake.
 */
export function PersonInsertion({ beneficiaryId, canWrite }: { beneficiaryId: string; canWrite: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const steps = useApi(() => insertionStepsOf(beneficiaryId), [beneficiaryId]);
  const [editing, setEditing] = useState<InsertionStepData | 'new' | null>(null);
  const [deleting, setDeleting] = useState<InsertionStepData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = [...(steps.data?.items ?? [])].reverse();
  const done = () => {
    setEditing(null);
    setNotice(t('common.saved'));
    steps.reload();
  };
  const kindOf = (s: InsertionStepData) => t(`insertion_step.${s.kind}`);
  return (
    <Card
      title={t('insertion.title')}
      className="person-insertion"
      footer={
        canWrite && editing === null ? (
          <Button variant="primary" onClick={() => (setNotice(null), setEditing('new'))}>
            {t('insertion.add')}
          </Button>
        ) : undefined
      }
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <ReadStatus of={steps} />
      {steps.data && items.length === 0 ? <p className="muted">{t('insertion.none')}</p> : null}
      {items.length ? (
        <ul className="item-list" aria-label={t('insertion.title')}>
          {items.map((s) => (
            <li key={s.id} className="item insertion-step">
              <div>
                <p>
                  <strong>{kindOf(s)}</strong> · <bdi>{s.activity}</bdi>{' '}
                  {s.completed === true ? <span className="tag tag-ok">{t('insertion.completed.yes')}</span> : s.completed === false ? <span className="tag tag-off">{t('insertion.completed.no')}</span> : null}
                </p>
                <p className="muted small">
                  {s.endDate ? t('ostForm.between', { from: i18n.formatDate(s.startDate), to: i18n.formatDate(s.endDate) }) : t('insertion.since', { date: i18n.formatDate(s.startDate) })} · <bdi>{s.orgUnit.name}</bdi>
                </p>
                {s.note ? <p className="small" dir="auto">{s.note}</p> : null}
              </div>
              {canWrite && editing === null ? (
                <div className="insertion-actions">
                  <Button size="small" onClick={() => (setNotice(null), setEditing(s))} aria-label={t('insertion.editNamed', { what: `${kindOf(s)} ${s.activity}` })}>
                    {t('insertion.edit')}
                  </Button>
                  <Button size="small" variant="ghost" onClick={() => setDeleting(s)} aria-label={t('insertion.deleteNamed', { what: `${kindOf(s)} ${s.activity}` })}>
                    {t('insertion.delete')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? <InsertionForm beneficiaryId={beneficiaryId} step={editing === 'new' ? undefined : editing} onCancel={() => setEditing(null)} onSaved={done} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={t('insertion.deleteTitle')}
          cancelLabel={t('record.cancel')}
          confirmLabel={t('insertion.delete')}
          describeFailure={(e) => describeError(i18n, e)}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteInsertionStep(deleting.id);
            setDeleting(null);
            steps.reload();
          }}
        >
          <p>{t('insertion.deleteBody', { what: `${kindOf(deleting)} — ${deleting.activity}` })}</p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
