import { useState } from 'react';
import { RoundSelection } from '@relais/core';
import { getRound, selectStories, type ChangeRoundData } from '../../api/stories.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Alert, Card, Form, Page, RadioGroup, TextArea, TextField } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { FormButtons } from '../../app/form-buttons.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { vocab } from '../cases/case-labels.ts';
import { dateIn } from './story-labels.ts';
import { MarkRequired } from '../../app/mark-required.tsx';

type Candidate = ChangeRoundData['candidates'][number];

/** The candidates of a round by domain, each domain's chosen story with the panel's reasons, and the feedback. */
export function RoundPage({ roundId }: { roundId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const round = useApi(() => getRound(roundId), [roundId]);
  const date = dateIn(intlTag(i18n.locale));
  const r = round.data;
  return (
    <Page
      title={r ? t('stories.round.title', { date: date(r.heldOn) }) : t('stories.rounds.title')}
      intro={r ? t('stories.round.intro', { unit: r.orgUnit.name, from: date(r.periodFrom), to: date(r.periodTo), panel: r.panel }) : undefined}
      actions={<Link to="/change-rounds">{t('stories.rounds.title')}</Link>}
    >
      <ReadStatus of={round} />
      {r ? <Selection key={r.id} round={r} onSaved={round.setData} /> : null}
    </Page>
  );
}

function Selection({ round, onSaved }: { round: ChangeRoundData; onSaved: (r: ChangeRoundData) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const canChoose = useCan('case.write');
  const date = dateIn(intlTag(i18n.locale));
  const byDomain = new Map<string, Candidate[]>();
  for (const c of round.candidates) byDomain.set(c.domain, [...(byDomain.get(c.domain) ?? []), c]);
  const [chosen, setChosen] = useState<Record<string, string>>(() => Object.fromEntries(round.candidates.filter((c) => c.selected).map((c) => [c.domain, c.storyId])));
  const [reasons, setReasons] = useState<Record<string, string>>(() => Object.fromEntries(round.candidates.filter((c) => c.selected).map((c) => [c.storyId, c.reasons ?? ''])));
  const [feedback, setFeedback] = useState(round.feedback ?? '');
  const [feedbackOn, setFeedbackOn] = useState(round.feedbackOn ?? '');
  const form = useFormSubmit({ alertsInvalid: true });
  const [saved, setSaved] = useState(false);

  const picks = [...byDomain.keys()].flatMap((d) => (chosen[d] ? [chosen[d]] : []));
  const submit = async () => {
    form.begin();
    setSaved(false);
    const checked = validate(RoundSelection, { choices: picks.map((storyId) => ({ storyId, reasons: reasons[storyId] ?? '' })), feedback: feedback.trim() || null, feedbackOn: feedbackOn || null });
    if (!form.check(checked)) return;
    await form.send(async () => {
      onSaved(await selectStories(round.id, checked.data));
      setSaved(true);
    });
  };

  return (
    <MarkRequired>
      <Form
        className="stack"
        aria-label={t('stories.round.save')}
        message={form.message}
        onSubmit={submit}
        actions={canChoose ? <FormButtons busy={form.busy}>{t('stories.round.save')}</FormButtons> : undefined}
      >
        {saved ? <Alert tone="success">{t('stories.round.saved')}</Alert> : null}
        {[...byDomain.entries()].map(([domain, candidates]) => {
          const pick = chosen[domain] ?? '';
          const index = picks.indexOf(pick);
          return (
            <Card key={domain} title={vocab(i18n, 'change_domain', domain)}>
              {candidates.map((c) => (
                <article key={c.storyId} className="story-candidate">
                  <h3>
                    <bdi dir="ltr">{c.beneficiaryCode ?? '—'}</bdi> · {date(c.collectedOn)} {c.selected ? <span className="tag">{t('stories.round.chosen')}</span> : null}
                  </h3>
                  {c.story !== null ? <p className="notes">{c.story}</p> : <p className="muted">{t('stories.round.notReadable')}</p>}
                  {c.significance ? <p className="notes muted">{c.significance}</p> : null}
                  {c.story === null && c.anonymisedText ? <p className="notes">{c.anonymisedText}</p> : null}
                </article>
              ))}
              <RadioGroup
                legend={t('stories.round.choice')}
                value={pick}
                disabled={!canChoose || form.busy}
                options={[{ value: '', label: t('stories.round.noChoice') }, ...candidates.map((c) => ({ value: c.storyId, label: <>{c.beneficiaryCode ?? '—'} · {date(c.collectedOn)}</> }))]}
                onChange={(v) => setChosen((m) => ({ ...m, [domain]: v }))}
                error={index >= 0 ? form.errors[`choices.${index}.storyId`] : undefined}
              />
              {pick ? (
                <TextArea
                  label={t('stories.round.reasons')}
                  value={reasons[pick] ?? ''}
                  required
                  disabled={!canChoose}
                  error={index >= 0 ? form.errors[`choices.${index}.reasons`] : undefined}
                  onChange={(v) => setReasons((m) => ({ ...m, [pick]: v }))}
                />
              ) : null}
            </Card>
          );
        })}
        <Card title={t('stories.round.feedback')}>
          <TextArea label={t('field.feedback')} value={feedback} disabled={!canChoose} error={form.errors.feedback} onChange={setFeedback} />
          <TextField label={t('field.feedbackOn')} type="date" value={feedbackOn} disabled={!canChoose} error={form.errors.feedbackOn} onChange={setFeedbackOn} />
        </Card>
      </Form>
    </MarkRequired>
  );
}
