import { useState } from 'react';
import { StoryInput, type Beneficiary } from '@relais/core';
import { collectStory, getStorySettings } from '../../api/stories.ts';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { navigate } from '../../app/router.tsx';
import { Select, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PersonForm, PersonFormPage, ProgramSelect, UnitSelect } from '../registry/person-form-page.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { defaultPlace, recordingUnits } from '../capture/place.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { vocab } from '../cases/case-labels.ts';
import { ConsentFields, consentInput, type ConsentDraft } from './consent-fields.tsx';

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
  const [consent, setConsent] = useState<ConsentDraft>({ scopes: [], expiresOn: '', anonymised: '' });
  const form = useFormSubmit({ alertsInvalid: true });

  const submit = async () => {
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
      ...consentInput(consent),
    });
    if (!form.check(checked)) return;
    await form.send(async () => {
      const saved = await collectStory(checked.data);
      navigate(`/stories/${saved.id}`);
    });
  };

  return (
    <PersonForm person={person} label={t('stories.collect')} submitLabel={t('stories.collect.submit')} form={form} onSubmit={submit}>
      <div className="grid-2">
        <ProgramSelect value={program} chooseLabel={t('stories.choose')} error={form.errors.program} onChange={setProgram} />
        <UnitSelect units={units} value={orgUnitId} chooseLabel={t('stories.choose')} error={form.errors.orgUnitId} onChange={setOrgUnitId} />
        <TextField label={t('field.collectedOn')} type="date" value={collectedOn} required error={form.errors.collectedOn} onChange={setCollectedOn} />
        <Select
          label={t('field.domain')}
          value={domain}
          required
          error={form.errors.domain}
          options={[{ value: '', label: t('stories.choose') }, ...domains.map((d) => ({ value: d, label: vocab(i18n, 'change_domain', d) }))]}
          onChange={setDomain}
        />
        <TextField label={t('field.eventsFrom')} type="date" value={eventsFrom} error={form.errors.eventsFrom} onChange={setEventsFrom} />
        <TextField label={t('field.eventsTo')} type="date" value={eventsTo} error={form.errors.eventsTo} onChange={setEventsTo} />
      </div>
      <TextArea label={t('field.story')} value={story} required error={form.errors.story} rows={8} onChange={setStory} />
      <TextArea label={t('field.significance')} value={significance} error={form.errors.significance} onChange={setSignificance} />
      <ConsentFields draft={consent} onChange={setConsent} errors={form.errors} />
    </PersonForm>
  );
}
