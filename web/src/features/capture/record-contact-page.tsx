import { useEffect, useRef, useState, type FormEvent } from 'react';
import { missingFromPaquetMinimum, RecordContact } from '@relais/core';
import type { Catalogue } from '../../api/catalogue.ts';
import { getBeneficiary, recordContact } from '../../api/endpoints.ts';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Alert, Button, Card, Code, Loading, Select } from '../../ui/index.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldErrorsOf, type FieldErrors } from '../../i18n/errors.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { CapturePage, type CaptureFormProps } from './capture-page.tsx';
import { PersonFinder, type FoundPerson } from './person-finder.tsx';
import { defaultPlace, useUnitWorkers } from './place.ts';
import { PlaceFields, placeInput, usePlaceDraft } from './place-fields.tsx';
import { entryOf, newServiceDraft, registerNoIssues, serviceIssues, type ServiceDraft } from './service-draft.ts';
import { ServiceFields } from './service-fields.tsx';
import { serviceLabel } from './service-labels.ts';
import { SavedSummary, type Saved } from './saved-summary.tsx';
import { MarkRequired } from '../../app/mark-required.tsx';
import { saveOrQueue, saveOrQueueVoiceNote } from '../../offline/outbox.ts';
import { lazyCard } from '../../app/lazy-card.tsx';

// The recorder loads when the form opens, in its own chunk (the field entry's budget, ADR 0035).
const VoiceRecorder = lazyCard(() => import('./voice-recorder.tsx').then((m) => m.VoiceRecorder));

/**
 * Record a contact: the person first (by her code), then date, place, program, worker and
 * one or more services. "Save and new person" starts again from the code; "save and add a
 * service for this person" keeps everything but the services.
 */
export function RecordContactPage() {
  return <CapturePage title="capture.title" intro="capture.intro" form={ContactCapture} />;
}

function ContactCapture({ settings, catalogue }: CaptureFormProps) {
  const [preselectedId] = useState(() => new URLSearchParams(window.location.search).get('beneficiary'));
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const [person, setPerson] = useState<FoundPerson | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  /** Bumped by "save and new person": the whole form starts again. */
  const [round, setRound] = useState(0);
  const codeInput = useRef<HTMLInputElement>(null);
  const preselected = useApi(() => (preselectedId ? getBeneficiary(preselectedId) : Promise.resolve(null)), [preselectedId]);

  useEffect(() => {
    if (preselected.data) setPerson({ id: preselected.data.id, code: preselected.data.code });
  }, [preselected.data]);
  useEffect(() => {
    if (round > 0) codeInput.current?.focus();
  }, [round]);

  const place = defaultPlace(ctx.units, ctx.orgUnit?.id);
  const unitName = ctx.units.find((n) => n.unit.id === place.unitId)?.unit.name ?? '';

  const newPerson = () => {
    setPerson(null);
    setRound((n) => n + 1);
  };

  return (
    <div className="stack">
      {saved ? <SavedSummary saved={saved} /> : null}
      <ErrorAlert error={preselected.error} />
      <Card title={t('capture.personTitle')}>
        {person ? (
          <div className="person-chosen">
            <p className="code-display">
              <Code className="code-large">{person.code}</Code>
            </p>
            <div className="form-actions">
              <Link to={`/beneficiaries/${person.id}`}>{t('capture.openRecordOf', { code: person.code })}</Link>
              <Button size="small" onClick={newPerson}>
                {t('capture.changePerson')}
              </Button>
            </div>
          </div>
        ) : preselectedId && preselected.loading ? (
          <Loading label={t('app.loading')} />
        ) : (
          <PersonFinder
            key={round}
            scheme={settings.codeScheme}
            unitId={place.unitId}
            unitName={unitName}
            autoProceed
            inputRef={codeInput}
            onFound={(p) => setPerson(p)}
          />
        )}
      </Card>
      {person ? (
        <ContactForm
          key={`${round}:${person.id}`}
          person={person}
          catalogue={catalogue}
          onSaved={(s, then) => {
            setSaved(s);
            if (then === 'new_person') newPerson();
          }}
        />
      ) : null}
    </div>
  );
}

type Then = 'new_person' | 'add_service';

function ContactForm({ person, catalogue, onSaved }: {
  person: FoundPerson;
  catalogue: Catalogue;
  onSaved: (saved: Saved, then: Then) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const [place, setPlace] = usePlaceDraft(catalogue);
  const [workerId, setWorkerId] = useState(me.user.id);
  const [rows, setRows] = useState<ServiceDraft[]>(() => [newServiceDraft()]);
  /** One id per contact: a retried save is applied once; a new one after each save. */
  const [contactId, setContactId] = useState(newId);
  const form = useFormSubmit();
  const { errors, failure } = form;
  const [checked, setChecked] = useState(false);
  /** A voice note instead of typing, with its own id (a retried save uploads it once). */
  const [voice, setVoice] = useState<{ id: string; audio: Blob } | null>(null);
  /** Which save button was pressed (busy while the form is). */
  const [then, setThen] = useState<Then>('new_person');
  const firstService = useRef<HTMLFieldSetElement>(null);
  /** After "save and add", the new empty service gets the focus. */
  const [focusRows, setFocusRows] = useState(0);
  useEffect(() => {
    if (focusRows > 0) firstService.current?.querySelector<HTMLElement>('select, button')?.focus();
  }, [focusRows]);
  const workers = useUnitWorkers(place.unitId);

  const settings = catalogue.programs.find((p) => p.code === place.program);
  // The services the organisation defined (ADR 0028): the program's, not retired, are offered after the built-in ones.
  const defined = new Map(catalogue.definedServices.map((d) => [d.code, d]));
  const offered = [...(settings?.services ?? []), ...catalogue.definedServices.filter((d) => d.program === place.program && !d.retired).map((d) => d.code)];
  const chosen = rows.flatMap((r) => (r.service ? [r.service] : []));
  const missing = settings && chosen.length ? missingFromPaquetMinimum(settings, chosen) : [];

  // The testing register restarts each year: a paper number `2026-017` is read with the contact's year.
  const year = Number(place.date.slice(0, 4)) || new Date().getFullYear();
  const input = () => ({
    contactId,
    beneficiaryId: person.id,
    ...placeInput(place),
    ...(workerId && workerId !== me.user.id ? { workerId } : {}),
    services: rows.map((r) => entryOf(r, year, defined.get(r.service))),
  });

  /** The schema and the service rules, the same the server applies. */
  const check = (): FieldErrors => {
    const result = validate(RecordContact, input());
    const issues = [
      ...rows.flatMap((r, i) => (r.service === 'hiv_test' ? registerNoIssues(r.registerNo, year, `services.${i}.registerNo`) : [])),
      ...(result.ok ? [] : result.fields),
      ...rows.flatMap((r, i) => serviceIssues(r, settings, `services.${i}.`, year, { program: place.program, services: defined })),
    ];
    return fieldErrorsOf(i18n, issues);
  };

  // Once a save was tried, errors follow the corrections as they are typed.
  useEffect(() => {
    if (checked) form.setErrors(check());
  }, [checked, place, workerId, rows]);

  const save = async (next: Then) => {
    form.begin();
    setChecked(true);
    const found = check();
    const body = validate(RecordContact, input());
    if (!form.check(body, found)) return;
    setThen(next);
    await form.send(async () => {
      // Without a network: kept in the outbox under the contact's id (ADR 0027).
      const result = await saveOrQueue(() => recordContact(body.data), { id: contactId, kind: 'record_contact', payload: body.data, label: person.code, date: place.date });
      const voiceQueued = voice ? await saveOrQueueVoiceNote(voice.id, voice.audio, contactId, result === 'queued', person.code, place.date) : false;
      onSaved({ person, date: place.date, services: result === 'queued' ? [] : result.services, isQueued: result === 'queued' || voiceQueued }, next);
      if (next === 'add_service') {
        setVoice(null);
        setRows([newServiceDraft()]);
        setContactId(newId());
        setChecked(false);
        form.setErrors({});
        setFocusRows((n) => n + 1);
      }
    });
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    void save(submitter?.getAttribute('value') === 'add_service' ? 'add_service' : 'new_person');
  };

  const setRow = (i: number, next: ServiceDraft) => setRows((list) => list.map((r, j) => (j === i ? next : r)));
  const errorCount = Object.keys(errors).length;
  /** Is this save running? */
  const isSaving = (button: Then) => form.busy && then === button;

  return (
    <MarkRequired>
      <form className="form card" onSubmit={submit} noValidate aria-labelledby="contact-form-title">
        <h2 id="contact-form-title" className="card-title">
          {t('capture.contactTitle')}{' '}
          <Code>{person.code}</Code>
        </h2>
        {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
        {checked && errorCount > 0 && !failure ? <Alert tone="error">{t('error.validation_failed')}</Alert> : null}
        {errors.beneficiaryId ? <Alert tone="error">{t('capture.personNotHere')}</Alert> : null}
        <div className="grid-2">
          <PlaceFields place={place} onChange={setPlace} catalogue={catalogue} errors={errors} dateHint={t('capture.dateHint')} />
          <Select
            label={t('field.workerId')}
            value={workerId}
            required
            hint={workers.workers.length > 1 ? t('capture.workerHint') : undefined}
            error={errors.workerId}
            options={workers.options}
            onChange={setWorkerId}
          />
        </div>

        <h3 className="subheading">{t('field.services')}</h3>
        {errors.services ? <p className="field-error">{errors.services}</p> : null}
        <ol className="service-rows">
          {rows.map((row, i) => (
            <li key={row.id}>
              <fieldset className="fieldset service-row" ref={i === 0 ? firstService : undefined}>
                <legend className="fieldset-legend">{t('capture.rowLegend', { n: i + 1 })}</legend>
                <ServiceFields draft={row} onChange={(next) => setRow(i, next)} services={offered} defined={defined} errors={errors} at={`services.${i}.`} />
                {rows.length > 1 ? (
                  <div className="form-actions">
                    <Button size="small" variant="ghost" onClick={() => setRows((list) => list.filter((r) => r.id !== row.id))}>
                      {t('capture.removeRow', { n: i + 1 })}
                    </Button>
                  </div>
                ) : null}
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="form-actions">
          <Button onClick={() => setRows((list) => [...list, newServiceDraft()])} disabled={rows.length >= 30}>
            {t('capture.addRow')}
          </Button>
        </div>

        <VoiceRecorder value={voice?.audio ?? null} onChange={(audio: Blob | null) => setVoice(audio ? { id: newId(), audio } : null)} />

        {missing.length ? (
          <Alert tone="warning">
            {t('capture.paquetMissing', { services: missing.map((s) => serviceLabel(i18n, s)).join(', ') })}
          </Alert>
        ) : null}

        <div className="form-actions save-actions">
          <Button type="submit" name="then" value="new_person" variant="primary" busy={isSaving('new_person')} disabled={form.busy}>
            {isSaving('new_person') ? t('common.saving') : t('capture.saveNewPerson')}
          </Button>
          <Button type="submit" name="then" value="add_service" busy={isSaving('add_service')} disabled={form.busy}>
            {isSaving('add_service') ? t('common.saving') : t('capture.saveAddService')}
          </Button>
        </div>
      </form>
    </MarkRequired>
  );
}
