import { useState } from 'react';
import { RecordContact } from '@relais/core';
import { recordContact } from '../../api/endpoints.ts';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Button, Card, Code } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldErrorsOf } from '../../i18n/errors.ts';
import { saveOrQueue, saveOrQueueVoiceNote } from '../../offline/outbox.ts';
import { lazyCard } from '../../app/lazy-card.tsx';

// A voice note instead of typing, in the recorder's own chunk (ADR 0035).
const VoiceRecorder = lazyCard(() => import('./voice-recorder.tsx').then((m) => m.VoiceRecorder));
import { useWorkContext } from '../context/work-context.tsx';
import { ServicePictogram } from '../programs/service-pictogram.tsx';
import { CapturePage, type CaptureFormProps } from './capture-page.tsx';
import { PersonFinder, type FoundPerson } from './person-finder.tsx';
import { defaultPlace } from './place.ts';
import { ProgramUnitFields, placeInput, usePlaceDraft } from './place-fields.tsx';
import { quickDraft, quickServices, type QuickService } from './quick-services.ts';
import { entryOf, serviceIssues } from './service-draft.ts';
import { serviceLabel } from './service-labels.ts';
import { SavedSummary, type Saved } from './saved-summary.tsx';
import { RecordContactPage } from './record-contact-page.tsx';
import { LowLiteracySwitch, useLowLiteracy } from './low-literacy.tsx';
import './quick-contact.css';

/** "Record a contact": the pictograms first in low-literacy mode, else the full form (`?full=1` asks for it). */
export function ContactEntryPage() {
  const [lowLiteracy] = useLowLiteracy();
  const query = new URLSearchParams(window.location.search);
  return lowLiteracy && !query.has('full') && !query.has('beneficiary') ? <QuickContactPage /> : <RecordContactPage />;
}

/**
 * Quick contact for the street (issue 16, ADR 0034): one thumb on a phone — the person's code,
 * then a tap on the pictogram of each thing given (its usual quantity set, a stepper to change
 * it), then save: three taps after the code for a usual contact. Saved like the full form
 * (same contract, same checks), in the outbox when there is no network.
 */
export function QuickContactPage() {
  return <CapturePage title="quick.title" intro="quick.intro" form={QuickContact} />;
}

function QuickContact({ settings, catalogue }: CaptureFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const [place, setPlace] = usePlaceDraft(catalogue);
  const [person, setPerson] = useState<FoundPerson | null>(null);
  const [round, setRound] = useState(0);
  const [given, setGiven] = useState<ReadonlyMap<string, number>>(new Map());
  const [contactId, setContactId] = useState(newId);
  const [voice, setVoice] = useState<{ id: string; audio: Blob } | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const form = useFormSubmit();

  const unitName = ctx.units.find((n) => n.unit.id === defaultPlace(ctx.units, ctx.orgUnit?.id).unitId)?.unit.name ?? '';
  const program = catalogue.programs.find((p) => p.code === place.program);
  const defined = new Map(catalogue.definedServices.map((d) => [d.code, d]));
  const offered = [...(program?.services ?? []), ...catalogue.definedServices.filter((d) => d.program === place.program && !d.retired).map((d) => d.code)];
  const services = quickServices(offered, defined);

  const toggle = (s: QuickService) =>
    setGiven((now) => {
      const next = new Map(now);
      if (next.has(s.code)) next.delete(s.code);
      else next.set(s.code, s.quantity?.usual ?? 1);
      return next;
    });
  const step = (code: string, by: number) => setGiven((now) => new Map(now).set(code, Math.max(1, (now.get(code) ?? 1) + by)));

  const save = async () => {
    if (!person) return;
    form.begin();
    const year = Number(place.date.slice(0, 4));
    const drafts = services.filter((s) => given.has(s.code)).map((s) => quickDraft(s, given.get(s.code)!));
    const body = validate(RecordContact, { contactId, beneficiaryId: person.id, ...placeInput(place), services: drafts.map((d) => entryOf(d, year, defined.get(d.service))) });
    const issues = drafts.flatMap((d, i) => serviceIssues(d, program, `services.${i}.`, year, { program: place.program, services: defined }));
    if (!form.check(body, fieldErrorsOf(i18n, issues))) return;
    await form.send(async () => {
      const result = await saveOrQueue(() => recordContact(body.data), { id: contactId, kind: 'record_contact', payload: body.data, label: person.code, date: place.date });
      const voiceQueued = voice ? await saveOrQueueVoiceNote(voice.id, voice.audio, contactId, result === 'queued', person.code, place.date) : false;
      setSaved({ person, date: place.date, services: result === 'queued' ? [] : result.services, isQueued: result === 'queued' || voiceQueued });
      setVoice(null);
      setPerson(null);
      setGiven(new Map());
      setContactId(newId());
      setRound((n) => n + 1);
    });
  };

  return (
    <div className="stack quick-contact">
      {saved ? <SavedSummary saved={saved} /> : null}
      <Card title={t('capture.personTitle')}>
        {person ? (
          <div className="person-chosen">
            <Code className="code-large">{person.code}</Code>
            <Button size="small" onClick={() => setPerson(null)}>
              {t('capture.changePerson')}
            </Button>
          </div>
        ) : (
          <PersonFinder key={round} scheme={settings.codeScheme} unitId={place.unitId} unitName={unitName} autoProceed onFound={setPerson} />
        )}
      </Card>
      {person ? (
        <Card title={t('quick.given')}>
          {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
          {Object.keys(form.errors).length ? <Alert tone="error">{Object.values(form.errors).join(' ')}</Alert> : null}
          <ul className="quick-tiles">
            {services.map((s) => {
              const label = serviceLabel(i18n, s.code);
              const count = given.get(s.code);
              return (
                <li key={s.code} className={count ? 'quick-tile is-given' : 'quick-tile'} data-pictogram={s.pictogram}>
                  <button type="button" className="quick-tile-button" aria-pressed={count !== undefined} onClick={() => toggle(s)}>
                    <ServicePictogram name={s.pictogram} size={48} />
                    <span>{label}</span>
                  </button>
                  {count !== undefined && s.quantity ? (
                    <div className="quick-stepper" role="group" aria-label={t('quick.quantityOf', { service: label })}>
                      <button type="button" aria-label={t('quick.less', { service: label })} disabled={count <= 1} onClick={() => step(s.code, -1)}>−</button>
                      <output aria-live="polite">{count}</output>
                      <button type="button" aria-label={t('quick.more', { service: label })} onClick={() => step(s.code, 1)}>+</button>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <VoiceRecorder value={voice?.audio ?? null} onChange={(audio: Blob | null) => setVoice(audio ? { id: newId(), audio } : null)} />
          <Button variant="primary" className="quick-save" busy={form.busy} disabled={given.size === 0} onClick={() => void save()}>
            {given.size ? t('quick.save', { count: given.size }) : t('quick.tapFirst')}
          </Button>
        </Card>
      ) : null}
      <details className="card quick-settings">
        <summary>{t('quick.settings')}</summary>
        <div className="stack">
          <ProgramUnitFields place={place} onChange={setPlace} catalogue={catalogue} errors={form.errors} />
          <LowLiteracySwitch />
          <Link to="/contacts/new?full=1">{t('quick.fullForm')}</Link>
        </div>
      </details>
    </div>
  );
}
