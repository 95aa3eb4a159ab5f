import { useState } from 'react';
import { entryDoors, OpenCase, wallClockNow, type Beneficiary } from '@relais/core';
import { getCaseSettings, openCase, type CaseSettingsData } from '../../api/cases.ts';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Link, navigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { Checkbox, CheckboxList, FieldGroup, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PersonForm, PersonFormPage, ProgramSelect, UnitSelect } from '../registry/person-form-page.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { defaultPlace, recordingUnits, useUnitWorkers } from '../capture/place.ts';
import { emptyIncident, IncidentFields, incidentInput, type IncidentDraft } from './incident-fields.tsx';

/** "Ouvrir un dossier" for one person (from her record): program, unit, reception, entry door, team, incident. */
export function OpenCasePage() {
  const { t } = useI18n();
  const [beneficiaryId] = useState(() => new URLSearchParams(window.location.search).get('beneficiary') ?? '');
  return (
    <PersonFormPage
      beneficiaryId={beneficiaryId}
      loadSettings={getCaseSettings}
      title={(code) => (code ? t('cases.open.title', { code }) : t('cases.open'))}
      intro={t('cases.open.intro')}
      backLabel={t('cases.open.backToPerson')}
    >
      {(person, settings) => <OpenCaseForm person={person} settings={settings} />}
    </PersonFormPage>
  );
}

function OpenCaseForm({ person, settings }: { person: Beneficiary; settings: CaseSettingsData }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const ctx = useWorkContext();
  const units = recordingUnits(ctx.units).filter((n) => n.unit.active);
  const [id] = useState(newId);
  const [program, setProgram] = useState<string>(() => (ctx.program && ctx.myPrograms.includes(ctx.program) ? ctx.program : ctx.myPrograms.includes('gbv') ? 'gbv' : (ctx.myPrograms[0] ?? '')));
  const [orgUnitId, setOrgUnitId] = useState(() => defaultPlace(ctx.units, ctx.orgUnit?.id).unitId);
  const [openedAt, setOpenedAt] = useState(() => wallClockNow(settings.timeZone));
  const [entryDoor, setEntryDoor] = useState<string>(person.entryDoor ?? '');
  const [coWorkerIds, setCoWorkerIds] = useState<string[]>([]);
  const [hasIncident, setHasIncident] = useState(program === 'gbv');
  const [incident, setIncident] = useState<IncidentDraft>(emptyIncident);
  const workers = useUnitWorkers(orgUnitId);
  const others = workers.workers.filter((w) => w.id !== me.user.id);
  const form = useFormSubmit({ alertsInvalid: true });

  const submit = async () => {
    form.begin();
    const checked = validate(OpenCase, {
      id,
      beneficiaryId: person.id,
      program,
      orgUnitId,
      openedAt,
      entryDoor,
      coWorkerIds: coWorkerIds.filter((w) => others.some((o) => o.id === w)),
      incident: hasIncident ? incidentInput(incident) : null,
    });
    if (!form.check(checked)) return;
    await form.send(async () => {
      const opened = await openCase(checked.data);
      navigate(`/cases/${opened.id}`);
    });
  };

  return (
    <PersonForm person={person} label={t('cases.open')} submitLabel={t('cases.open.submit')} form={form} onSubmit={submit}>
      {form.failure && (form.failure as { code?: string }).code === 'case_already_open' ? (
        <Link to={`/beneficiaries/${person.id}`}>{t('cases.open.seeCases')}</Link>
      ) : null}
      <div className="grid-2">
        <ProgramSelect
          value={program}
          chooseLabel={t('cases.choose')}
          error={form.errors.program}
          onChange={(v) => {
            setProgram(v);
            if (v === 'gbv') setHasIncident(true);
          }}
        />
        <UnitSelect
          units={units}
          value={orgUnitId}
          chooseLabel={t('cases.open.noUnit')}
          error={form.errors.orgUnitId}
          onChange={(v) => {
            setOrgUnitId(v);
            setCoWorkerIds([]);
          }}
        />
        <TextField
          label={t('field.openedAt')}
          type="datetime-local"
          value={openedAt}
          required
          error={form.errors.openedAt}
          hint={t('cases.open.openedAtHint')}
          onChange={setOpenedAt}
        />
        <Select
          label={t('field.entryDoor')}
          value={entryDoor}
          required
          error={form.errors.entryDoor}
          options={[{ value: '', label: t('cases.choose') }, ...entryDoors.map((d) => ({ value: d, label: t(`entry_door.${d}`) }))]}
          onChange={setEntryDoor}
        />
      </div>
      {others.length ? (
        <FieldGroup legend={t('field.coWorkerIds')} hint={t('cases.open.coWorkersHint')}>
          <CheckboxList options={others.map((w) => ({ value: w.id, label: <bdi>{w.displayName}</bdi> }))} values={coWorkerIds} onChange={setCoWorkerIds} />
        </FieldGroup>
      ) : null}
      <Checkbox label={t('cases.open.hasIncident')} hint={t('cases.open.hasIncidentHint')} checked={hasIncident} onChange={setHasIncident} />
      {hasIncident ? (
        <FieldGroup legend={t('field.incident')}>
          <IncidentFields draft={incident} onChange={setIncident} settings={settings} errors={form.errors} />
        </FieldGroup>
      ) : null}
    </PersonForm>
  );
}
