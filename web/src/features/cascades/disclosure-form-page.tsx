import { useState } from 'react';
import { cascadeAgeGroupCodes, DisclosureInput, sexes } from '@relais/core';
import { getCaseSettings } from '../../api/cases.ts';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { Link } from '../../app/router.tsx';
import { Alert, Button, Card, Form, RadioGroup, Select, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { vocab } from '../cases/case-labels.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { CapturePage, type CaptureFormProps } from '../capture/capture-page.tsx';
import { PersonFinder, type FoundPerson } from '../capture/person-finder.tsx';
import { ProgramUnitFields, usePlaceDraft } from '../capture/place-fields.tsx';
import { todayIso } from '../registry/registry-labels.ts';
import { createDisclosure } from './cascades-api.ts';
import { placeFromUrl } from './cascade-session-fields.tsx';
import { MarkRequired } from '../../app/mark-required.tsx';

/** Records a disclosure, at a session when the link says which (`?groupSessionId=…&date=…&theme=…`). */
export function DisclosureFormPage() {
  return <CapturePage title="disclosures.newTitle" intro="disclosures.newIntro" form={DisclosureForm} />;
}

function DisclosureForm({ settings, catalogue }: CaptureFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const [q] = useState(() => new URLSearchParams(window.location.search));
  const [session, setSession] = useState(() => (q.get('groupSessionId') ? { id: q.get('groupSessionId') ?? '', date: q.get('date') ?? '', theme: q.get('theme') ?? '' } : null));
  const [id, setId] = useState(newId);
  const [place, setPlace] = usePlaceDraft(catalogue, placeFromUrl());
  const [date, setDate] = useState(() => q.get('date') ?? todayIso());
  const [who, setWho] = useState<'anonymous' | 'registered'>('anonymous');
  const [person, setPerson] = useState<FoundPerson | null>(null);
  const [sex, setSex] = useState('');
  const [ageGroup, setAgeGroup] = useState('');
  const [violenceType, setViolenceType] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const caseSettings = useApi(() => getCaseSettings(), []);
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;
  const unitName = ctx.units.find((n) => n.unit.id === place.unitId)?.unit.name ?? '';
  const types = caseSettings.data?.violenceTypes ?? [];

  const submit = async () => {
    form.begin();
    setSaved(false);
    const anonymous = who === 'anonymous';
    const checked = validate(DisclosureInput, {
      id,
      date,
      program: place.program,
      orgUnitId: place.unitId,
      groupSessionId: session?.id ?? null,
      beneficiaryId: anonymous ? null : (person?.id ?? null),
      sex: anonymous ? sex || null : null,
      ageGroup: anonymous ? ageGroup || null : null,
      violenceType: violenceType || null,
      note: note.trim() || null,
    });
    const more: FieldErrors = !anonymous && !person ? { beneficiaryId: t('validation.required', { field: t('disclosures.who') }) } : {};
    if (!form.check(checked, more)) return;
    await form.send(async () => {
      await createDisclosure(checked.data);
      setSaved(true);
      setId(newId());
      setPerson(null);
      setSex('');
      setAgeGroup('');
      setViolenceType('');
      setNote('');
      window.scrollTo(0, 0);
    });
  };

  return (
    <Form className="stack" aria-label={t('disclosures.newTitle')} onSubmit={submit} actions={<FormButtons busy={form.busy}>{t('disclosures.submit')}</FormButtons>}>
      {saved ? (
        <Alert tone="success">
          {t('disclosures.saved')} <Link to="/disclosures">{t('disclosures.toList')}</Link>
        </Alert>
      ) : null}
      {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
      <MarkRequired>
        <Card title={t('disclosures.newTitle')}>
          {session ? (
            <p className="casc-choice">
              <span>{t('disclosures.atSession', { date: i18n.formatDate(session.date), theme: session.theme })}</span>
              <Button size="small" variant="ghost" onClick={() => setSession(null)}>
                {t('common.remove')}
              </Button>
            </p>
          ) : null}
          <div className="grid-2">
            <TextField label={t('field.date')} type="date" value={date} max={todayIso()} required error={errors.date} onChange={setDate} />
            <ProgramUnitFields place={place} onChange={setPlace} catalogue={catalogue} errors={errors} />
            <Select
              label={t('field.violenceType')}
              value={violenceType}
              error={errors.violenceType}
              options={[{ value: '', label: t('disclosures.notSaid') }, ...types.map((v) => ({ value: v.code, label: vocab(i18n, 'violence_type', v.code) }))]}
              onChange={setViolenceType}
            />
          </div>
        </Card>
      </MarkRequired>
      <Card title={t('disclosures.who')}>
        <div className="stack">
        <RadioGroup
          legend={t('disclosures.isRegistered')}
          value={who}
          options={[
            { value: 'anonymous', label: t('disclosures.anonymous') },
            { value: 'registered', label: t('disclosures.registered') },
          ]}
          onChange={(v) => setWho(v as 'anonymous' | 'registered')}
        />
        {who === 'anonymous' ? (
          <div className="grid-2">
            <Select label={t('field.sex')} value={sex} error={errors.sex} options={[{ value: '', label: t('disclosures.notSaid') }, ...sexes.map((s) => ({ value: s, label: t(`sex.${s}`) }))]} onChange={setSex} />
            <Select
              label={t('field.ageGroup')}
              value={ageGroup}
              error={errors.ageGroup}
              options={[{ value: '', label: t('disclosures.notSaid') }, ...cascadeAgeGroupCodes.map((g) => ({ value: g, label: t(`age_group.${g}`) }))]}
              onChange={setAgeGroup}
            />
          </div>
        ) : person ? (
          <p className="casc-choice">
            <span>{t('disclosures.person', { code: person.code })}</span>
            <Button size="small" variant="ghost" onClick={() => setPerson(null)}>
              {t('cascades.change')}
            </Button>
          </p>
        ) : (
          <PersonFinder scheme={settings.codeScheme} unitId={place.unitId} unitName={unitName} proceedLabel={(code) => t('disclosures.take', { code })} onFound={setPerson} />
        )}
        {errors.beneficiaryId ? <p className="field-error">{errors.beneficiaryId}</p> : null}
        <TextArea label={t('field.note')} hint={t('disclosures.noteHint')} value={note} maxLength={2000} error={errors.note} onChange={setNote} />
        </div>
      </Card>
    </Form>
  );
}
