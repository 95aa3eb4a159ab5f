import { useState } from 'react';
import { NoteInput } from '@relais/core';
import { addCaseNote, type CaseData } from '../../api/cases.ts';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Card, Form, TextArea } from '../../ui/index.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { vocab, wallClock } from './case-labels.ts';

/** The case notes (only for readers the API gives them to); the team adds to them. */
export function NotesCard({ c, canWrite, onChange }: { c: CaseData; canWrite: boolean; onChange: (c: CaseData) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [id, setId] = useState(newId);
  const [body, setBody] = useState('');
  const form = useFormSubmit();
  const submit = async () => {
    form.begin();
    const checked = validate(NoteInput, { id, body });
    if (!form.check(checked)) return;
    const sent = await form.send(async () => onChange(await addCaseNote(c.id, { id, body: checked.data.body })));
    if (sent) {
      setBody('');
      setId(newId());
    }
  };
  return (
    <Card title={t('cases.notes.title')}>
      <p className="muted">{t('cases.notes.hint')}</p>
      {c.notes?.length ? (
        <ul className="item-list">
          {c.notes.map((n) => (
            <li key={n.id} className="case-note">
              <p className="muted">
                <bdi>{n.author.displayName}</bdi> · {i18n.formatDateTime(n.at)}
              </p>
              <p className="notes" dir="auto">
                {n.body}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('cases.notes.none')}</p>
      )}
      {canWrite && c.status === 'open' ? (
        <Form
          aria-label={t('cases.notes.add')}
          message={form.message}
          onSubmit={submit}
          actions={
            <FormButtons busy={form.busy}>{t('cases.notes.add')}</FormButtons>
          }
        >
          <TextArea label={t('cases.notes.new')} value={body} maxLength={10_000} error={form.errors.body} onChange={setBody} />
        </Form>
      ) : null}
    </Card>
  );
}

/** Opened, closed, reopened: when, by whom, why. */
export function HistoryCard({ c }: { c: CaseData }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Card title={t('cases.history.title')}>
      <ol className="plain-list case-history">
        {c.history.map((h, i) => {
          const what = i === 0 ? 'opened' : h.status === 'closed' ? 'closed' : 'reopened';
          return (
            <li key={`${h.at}-${i}`}>
              <strong>{t(`cases.history.${what}`, { date: wallClock(intlTag(i18n.locale), h.on) })}</strong>
              {h.by ? (
                <>
                  {' · '}
                  <bdi>{h.by.displayName}</bdi>
                </>
              ) : null}
              {h.reason ? <> · {vocab(i18n, 'closure_reason', h.reason)}</> : null}
              {h.note ? (
                <p className="notes muted" dir="auto">
                  {h.note}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
