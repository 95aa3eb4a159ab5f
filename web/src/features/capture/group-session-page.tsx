import { useState } from 'react';
import { ageBandLabelKey, defaultAgeBands, checkGroupSessionAttendance, type AgeBandCode, groupSessionTypes, RecordGroupSession, sexes } from '@relais/core';
import { recordGroupSession } from '../../api/endpoints.ts';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Alert, Button, Card, CheckboxList, Code, FieldGroup, Form, Select, TextField } from '../../ui/index.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldErrorsOf } from '../../i18n/errors.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { saveOrQueue } from '../../offline/outbox.ts';
import { CapturePage, type CaptureFormProps } from './capture-page.tsx';
import { PersonFinder, type FoundPerson } from './person-finder.tsx';
import { useUnitWorkers } from './place.ts';
import { PlaceFields, placeInput, usePlaceDraft } from './place-fields.tsx';
import { numberOrText } from './service-draft.ts';
import { isolate } from '../../i18n/bidi.ts';
import { CascadeSessionFields, cascadeDraftFromUrl, cascadeInput, placeFromUrl, type CascadeDraft } from '../cascades/cascade-session-fields.tsx';
import { disclosureLink } from '../cascades/cascade-tree.tsx';
import { MarkRequired } from '../../app/mark-required.tsx';
import { PictogramChoice, useLowLiteracy } from './low-literacy.tsx';
import { groupSessionPictograms, sexPictograms } from './pictograms.ts';
import { ServicePictogram } from '../programs/service-pictogram.tsx';

type GroupType = (typeof groupSessionTypes)[number];
type Cell = `${(typeof sexes)[number]}:${AgeBandCode}`;
const cells: { sex: (typeof sexes)[number]; ageBand: AgeBandCode; key: Cell }[] = sexes.flatMap((sex) =>
  defaultAgeBands.map(({ code }) => ({ sex, ageBand: code, key: `${sex}:${code}` as Cell })),
);

/** Record a group session: when, where, what, who led it, the identified attendees (by code) and anonymous counts. */
export function GroupSessionPage() {
  return <CapturePage title="group.title" intro="group.intro" form={GroupSessionForm} />;
}

function GroupSessionForm({ settings, catalogue }: CaptureFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const ctx = useWorkContext();
  const [id, setId] = useState(newId);
  const [place, setPlace] = usePlaceDraft(catalogue, placeFromUrl());
  const [cascade, setCascade] = useState<CascadeDraft>(cascadeDraftFromUrl);
  // Opened from a training ("Séance en cascade"): the cascade part comes first.
  const [cascadeFirst] = useState(() => cascade.trainingId !== '');
  const [type, setType] = useState<GroupType | ''>('');
  const [theme, setTheme] = useState('');
  const [facilitators, setFacilitators] = useState<string[]>([me.user.id]);
  const [partner, setPartner] = useState('');
  const [attendees, setAttendees] = useState<FoundPerson[]>([]);
  const [counts, setCounts] = useState<Partial<Record<Cell, string>>>({});
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;
  const [done, setDone] = useState<{ attendees: number; anonymous: number; link: string } | null>(null);
  const [finderRound, setFinderRound] = useState(0);
  const workers = useUnitWorkers(place.unitId);
  const [isLowLiteracy] = useLowLiteracy();

  const unitName = ctx.units.find((n) => n.unit.id === place.unitId)?.unit.name ?? '';
  const filled = cells.filter((c) => (counts[c.key] ?? '').trim() !== '');

  const addAttendee = (p: FoundPerson) => {
    setAttendees((list) => (list.some((a) => a.id === p.id) ? list : [...list, p]));
    setFinderRound((n) => n + 1);
  };

  const submit = async () => {
    form.begin();
    const input = {
      id,
      ...placeInput(place),
      type,
      theme,
      facilitatorIds: facilitators,
      partner: partner.trim() ? partner.trim() : null,
      attendees: attendees.map((a) => a.id),
      anonymous: filled.map((c) => ({ sex: c.sex, ageBand: c.ageBand, count: numberOrText(counts[c.key] ?? '') })),
      ...cascadeInput(cascade),
    };
    const checked = validate(RecordGroupSession, input);
    // Nobody in it (no attendee, no anonymous count): refused here as on the server, nothing cleared.
    if (!form.check(checked, fieldErrorsOf(i18n, checkGroupSessionAttendance({ ...input, disabilityCount: Number(input.disabilityCount) || 0 })))) return;
    await form.send(async () => {
      const saved = await saveOrQueue(() => recordGroupSession(checked.data), { id, kind: 'record_group_session', payload: checked.data, label: checked.data.theme || t(`group_session_type.${checked.data.type}`), date: checked.data.date });
      const anonymous = [...checked.data.anonymous, ...checked.data.audienceCounts].reduce((n, a) => n + a.count, 0);
      setDone({ attendees: attendees.length, anonymous, link: saved === 'queued' ? '/outbox' : disclosureLink({ id: saved.id, date: checked.data.date, theme: checked.data.theme, program: checked.data.program, orgUnitId: checked.data.orgUnitId }) });
      // Ready for the next session of the same day and place.
      setId(newId());
      setType('');
      setTheme('');
      setPartner('');
      setAttendees([]);
      setCounts({});
      setCascade(cascadeDraftFromUrl(''));
      setFinderRound((n) => n + 1);
      window.scrollTo(0, 0);
    });
  };

  /** The error of an anonymous cell: issues name the index in the list sent. */
  const cellError = (key: Cell) => {
    const i = filled.findIndex((c) => c.key === key);
    return i < 0 ? undefined : (errors[`anonymous.${i}.count`] ?? errors[`anonymous.${i}`]);
  };
  const cascadeCard = <CascadeSessionFields draft={cascade} onChange={setCascade} program={place.program} errors={errors} />;
  const attendeeError = attendees.map((_, i) => errors[`attendees.${i}`]).find(Boolean) ?? errors.attendees;

  return (
    <Form className="stack" aria-label={t('group.title')} onSubmit={submit} actions={<FormButtons busy={form.busy}>{t('group.submit')}</FormButtons>}>
      {done ? (
        <Alert tone="success">
          {t('group.saved', { attendees: done.attendees, anonymous: done.anonymous })} <Link to={done.link}>{done.link === '/outbox' ? t('outbox.savedOnDevice') : t('cascades.disclose')}</Link>
        </Alert>
      ) : null}
      {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
      <MarkRequired>
        <Card title={t('group.sessionTitle')}>
          <div className="stack">
            {isLowLiteracy ? (
              // Pictograms first (ADR 0042): what kind of session, drawn.
              <PictogramChoice
                legend={t('field.type')}
                required
                options={groupSessionTypes.map((g) => ({ value: g, label: t(`group_session_type.${g}`), pictogram: groupSessionPictograms[g] }))}
                values={type ? [type] : []}
                error={errors.type}
                onChange={(v) => setType(v[0] ?? '')}
              />
            ) : null}
            <div className="grid-2">
              <PlaceFields place={place} onChange={setPlace} catalogue={catalogue} errors={errors} />
              {isLowLiteracy ? null : (
                <Select
                  label={t('field.type')}
                  value={type}
                  required
                  error={errors.type}
                  options={[{ value: '', label: t('group.chooseType') }, ...groupSessionTypes.map((g) => ({ value: g, label: t(`group_session_type.${g}`) }))]}
                  onChange={(v) => setType(v as GroupType | '')}
                />
              )}
              <TextField label={t('field.theme')} value={theme} maxLength={200} required error={errors.theme} onChange={setTheme} />
              <TextField label={t('field.partner')} hint={t('group.partnerHint')} value={partner} maxLength={200} error={errors.partner} onChange={setPartner} />
            </div>
            <FieldGroup legend={t('field.facilitatorIds')} hint={t('group.facilitatorsHint')}>
              <CheckboxList
                options={workers.workers.map((w) => ({ value: w.id, label: w.id === me.user.id ? t('search.me', { name: isolate(w.displayName) }) : w.displayName }))}
                values={facilitators}
                onChange={setFacilitators}
              />
              {errors.facilitatorIds ? <p className="field-error">{errors.facilitatorIds}</p> : null}
            </FieldGroup>
          </div>
        </Card>
      </MarkRequired>

      {cascadeFirst ? cascadeCard : null}

      <Card title={t('field.attendees')}>
        <p className="field-hint">{t('group.attendeesHint')}</p>
        <PersonFinder
          key={finderRound}
          scheme={settings.codeScheme}
          unitId={place.unitId}
          unitName={unitName}
          label={t('group.attendeeCode')}
          proceedLabel={(code) => t('group.addAttendee', { code })}
          onFound={addAttendee}
        />
        {attendeeError ? <p className="field-error">{attendeeError}</p> : null}
        <h3 className="subheading">{t('group.attendeeCount', { count: attendees.length })}</h3>
        {attendees.length ? (
          <ul className="item-list">
            {attendees.map((a) => (
              <li key={a.id} className="item">
                <Link to={`/beneficiaries/${a.id}`}>
                  <Code>{a.code}</Code>
                </Link>
                <Button size="small" variant="ghost" aria-label={t('group.removeAttendee', { code: a.code })} onClick={() => setAttendees((list) => list.filter((x) => x.id !== a.id))}>
                  {t('common.remove')}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('group.noAttendee')}</p>
        )}
      </Card>

      <Card title={t('field.anonymous')}>
        <p className="field-hint">{t('group.anonymousHint')}</p>
        <div className="anonymous-grid">
          {sexes.map((sex) => (
            <FieldGroup
              key={sex}
              legend={
                isLowLiteracy ? (
                  <span className="picto-line">
                    <ServicePictogram name={sexPictograms[sex]} size={32} />
                    {t(`sex.${sex}`)}
                  </span>
                ) : (
                  t(`sex.${sex}`)
                )
              }
            >
              {cells
                .filter((c) => c.sex === sex)
                .map((c) => (
                  <TextField
                    key={c.key}
                    label={t(ageBandLabelKey(c.ageBand)!)}
                    value={counts[c.key] ?? ''}
                    inputMode="numeric"
                    dir="ltr"
                    maxLength={5}
                    error={cellError(c.key)}
                    onChange={(v) => setCounts((m) => ({ ...m, [c.key]: v }))}
                  />
                ))}
            </FieldGroup>
          ))}
        </div>
      </Card>

      {cascadeFirst ? null : cascadeCard}
    </Form>
  );
}
