import { useState, type FormEvent } from 'react';
import { StoryInput, storyConsentScopes, type Beneficiary, type ProgramCode } from '@relais/core';
import { collectStory, getStorySettings } from '../../api/stories.ts';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { navigate } from '../../app/router.tsx';
import { Alert, Button, Checkbox, FieldGroup, Select, SubmitButton, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PersonFormPage } from '../registry/person-form-page.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { defaultPlace, recordingUnits, unitOptions } from '../capture/place.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { vocab } from '../cases/case-labels.ts';

/** "Recueillir une histoire" for one person (from her record, or from one of her cases). */
export function CollectStoryPage() {
  const { t } = useI18n();
  const [params] = useState(() => new URLSearchParams(window.location.search));
  return (
    <PersonFormPage
      beneficiaryId={params.get('beneficiary') ?? ''}
      loadSettings={getStorySettings}
      title={(code) => (code ? t('stories.collect.title', { code }) : t('stories.collect'))}
      intro={t('stories.collect.intro')}
      backLabel={t('stories.backToPerson')}
    >
      {(person, settings) => <CollectForm person={person} domains={settings.domains} caseId={params.get('case')} program={params.get('program')} />}
    </PersonFormPage>
  );
}

function CollectForm({ person, domains, caseId, program: givenProgram }: { person: Beneficiary; domains: readonly string[]; caseId: string | null; program: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const req = t('common.requiredMark');
  const ctx = useWorkContext();
  const units = recordingUnits(ctx.units).filter((n) => n.unit.active);
  const [id] = useState(newId);
  const [program, setProgram] = useState<string>(() => givenProgram ?? (ctx.program && ctx.myPrograms.includes(ctx.program) ? ctx.program : (ctx.myPrograms[0] ?? '')));
  const [orgUnitId, setOrgUnitId] = useState(() => defaultPlace(ctx.units, ctx.orgUnit?.id).unitId);
  const [collectedOn, setCollectedOn] = useState(todayIso);
  const [eventsFrom, setEventsFrom] = useState('');
  const [eventsTo, setEventsTo] = useState('');
  const [domain, setDomain] = useState('');
  const [story, setStory] = useState('');
  const [significance, setSignificance] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const [anonymised, setAnonymised] = useState('');
  const form = useFormSubmit({ alertsInvalid: true });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    const checked = validate(StoryInput, {
      id,
      beneficiaryId: person.id,
      caseId: caseId || null,
      program,
      orgUnitId,
      collectedOn,
      eventsFrom: eventsFrom || null,
      eventsTo: eventsTo || null,
      domain,
      story,
      significance: significance.trim() || null,
      consentScopes: scopes,
      consentExpiresOn: expiresOn || null,
      anonymisedText: anonymised.trim() || null,
    });
    if (!form.check(checked)) return;
    await form.send(async () => {
      const saved = await collectStory(checked.data);
      navigate(`/stories/${saved.id}`);
    });
  };

  const toggle = (scope: string, on: boolean) => setScopes((list) => (on ? [...list, scope] : list.filter((s) => s !== scope)));
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label={t('stories.collect')}>
      {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
      <div className="grid-2">
        <Select
          label={t('field.program')}
          value={program}
          required
          requiredLabel={req}
          error={form.errors.program}
          options={[{ value: '', label: t('stories.choose') }, ...ctx.myPrograms.map((p: ProgramCode) => ({ value: p, label: t(`program.${p}`) }))]}
          onChange={setProgram}
        />
        <Select label={t('field.orgUnitId')} value={orgUnitId} required requiredLabel={req} error={form.errors.orgUnitId} options={unitOptions(units, t('stories.choose'))} onChange={setOrgUnitId} />
        <TextField label={t('field.collectedOn')} type="date" value={collectedOn} required requiredLabel={req} error={form.errors.collectedOn} onChange={setCollectedOn} />
        <Select
          label={t('field.domain')}
          value={domain}
          required
          requiredLabel={req}
          error={form.errors.domain}
          options={[{ value: '', label: t('stories.choose') }, ...domains.map((d) => ({ value: d, label: vocab(i18n, 'change_domain', d) }))]}
          onChange={setDomain}
        />
        <TextField label={t('field.eventsFrom')} type="date" value={eventsFrom} error={form.errors.eventsFrom} onChange={setEventsFrom} />
        <TextField label={t('field.eventsTo')} type="date" value={eventsTo} error={form.errors.eventsTo} onChange={setEventsTo} />
      </div>
      <TextArea label={t('field.story')} value={story} required requiredLabel={req} error={form.errors.story} rows={8} onChange={setStory} />
      <TextArea label={t('field.significance')} value={significance} error={form.errors.significance} onChange={setSignificance} />
      <FieldGroup legend={t('field.consentScopes')} hint={t('stories.collect.consentHint')}>
        <div className="checkbox-list">
          {storyConsentScopes.map((s) => (
            <Checkbox key={s} label={t(`story_consent.${s}`)} checked={scopes.includes(s)} onChange={(on) => toggle(s, on)} />
          ))}
        </div>
      </FieldGroup>
      <TextField label={t('field.consentExpiresOn')} type="date" value={expiresOn} required={scopes.length > 0} requiredLabel={req} error={form.errors.consentExpiresOn} onChange={setExpiresOn} />
      <TextArea label={t('field.anonymisedText')} value={anonymised} hint={t('stories.collect.anonymisedHint')} error={form.errors.anonymisedText} onChange={setAnonymised} />
      <div className="form-actions">
        <SubmitButton busy={form.busy} busyLabel={t('common.saving')}>
          {t('stories.collect.submit')}
        </SubmitButton>
        <Button onClick={() => navigate(`/beneficiaries/${person.id}`)} disabled={form.busy}>
          {t('record.cancel')}
        </Button>
      </div>
    </form>
  );
}
