import { useState, type FormEvent } from 'react';
import { ChangeRoundInput } from '@relais/core';
import { createRound, listRounds, listStories } from '../../api/stories.ts';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Link, navigate } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Alert, Card, CheckboxList, FieldGroup, Page, TextField } from '../../ui/index.ts';
import { ReadItems, ErrorAlert } from '../../app/read-status.tsx';
import { FormButtons } from '../../app/form-buttons.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { UnitSelect } from '../registry/person-form-page.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { defaultPlace } from '../capture/place.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { vocab } from '../cases/case-labels.ts';
import { dateIn } from './story-labels.ts';
import { MarkRequired } from '../../app/mark-required.tsx';

/** The selection rounds of her units, and a new round on the stories of a unit. */
export function RoundsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const rounds = useApi(() => listRounds(), []);
  const canHold = useCan('case.write');
  const date = dateIn(intlTag(i18n.locale));
  return (
    <Page title={t('stories.rounds.title')} intro={t('stories.rounds.intro')} actions={<Link to="/stories">{t('stories.backToList')}</Link>}>
      <div className="stack">
        <Card title={t('stories.rounds.title')}>
          <ReadItems of={rounds} empty={t('stories.rounds.none')}>
            {(r) => (
              <>
                <Link to={`/change-rounds/${r.id}`}>{t('stories.round.title', { date: date(r.heldOn) })}</Link> · <bdi>{r.orgUnit.name}</bdi>
                <p className="muted">{t('stories.rounds.summary', { from: date(r.periodFrom), to: date(r.periodTo), chosen: r.chosen, candidates: r.candidates })}</p>
              </>
            )}
          </ReadItems>
        </Card>
        {canHold ? <NewRound /> : null}
      </div>
    </Page>
  );
}

function NewRound() {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const units = ctx.units.filter((n) => n.unit.active);
  const [id] = useState(newId);
  const [orgUnitId, setOrgUnitId] = useState(() => defaultPlace(ctx.units, ctx.orgUnit?.id).unitId);
  const [heldOn, setHeldOn] = useState(todayIso);
  const [period, setPeriod] = useState('');
  const [panel, setPanel] = useState('');
  const [storyIds, setStoryIds] = useState<string[]>([]);
  const stories = useApi(() => (orgUnitId ? listStories({ orgUnitId, limit: 200 }) : Promise.resolve(null)), [orgUnitId]);
  const date = dateIn(intlTag(i18n.locale));
  const form = useFormSubmit({ alertsInvalid: true });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    const checked = validate(ChangeRoundInput, { id, heldOn, orgUnitId, panel, period, storyIds });
    if (!form.check(checked)) return;
    await form.send(async () => {
      const round = await createRound(checked.data);
      navigate(`/change-rounds/${round.id}`);
    });
  };
  return (
    <MarkRequired>
      <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label={t('stories.rounds.new')}>
        <h2>{t('stories.rounds.new')}</h2>
        {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
        <div className="grid-2">
          <UnitSelect
            units={units}
            value={orgUnitId}
            chooseLabel={t('stories.choose')}
            error={form.errors.orgUnitId}
            onChange={(v) => {
              setOrgUnitId(v);
              setStoryIds([]);
            }}
          />
          <TextField label={t('field.period')} value={period} required hint={t('stories.rounds.periodHint')} error={form.errors.period} onChange={setPeriod} dir="ltr" />
          <TextField label={t('field.heldOn')} type="date" value={heldOn} required error={form.errors.heldOn} onChange={setHeldOn} />
          <TextField label={t('field.panel')} value={panel} required error={form.errors.panel} onChange={setPanel} />
        </div>
        <FieldGroup legend={t('stories.rounds.candidates')}>
          {form.errors.storyIds ? <p className="field-error">{form.errors.storyIds}</p> : null}
          <ErrorAlert error={stories.error} />
          {stories.data?.items.length ? (
            <CheckboxList
              options={stories.data.items.map((s) => ({
                value: s.id,
                label: (
                  <>
                    {vocab(i18n, 'change_domain', s.domain)} · <bdi dir="ltr">{s.beneficiary.code}</bdi> · {date(s.collectedOn)}
                  </>
                ),
              }))}
              values={storyIds}
              onChange={setStoryIds}
            />
          ) : stories.data ? (
            <p className="muted">{t('stories.rounds.noCandidates')}</p>
          ) : null}
        </FieldGroup>
        <div className="form-actions">
          <FormButtons busy={form.busy}>{t('stories.rounds.submit')}</FormButtons>
        </div>
      </form>
    </MarkRequired>
  );
}
