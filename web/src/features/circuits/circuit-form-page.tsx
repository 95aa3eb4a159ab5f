import { useState, type FormEvent } from 'react';
import { textIn } from '@relais/core';
import { searchServices } from '../../api/directory.ts';
import { useApi } from '../../api/use-api.ts';
import { newId } from '../../api/ids.ts';
import { Link, navigate } from '../../app/router.tsx';
import { Alert, Button, Loading, Page, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { useDirectoryVocab } from '../directory/use-directory-vocab.ts';
import { emptyStep, revisionInput, stepDraft, type StepDraft } from './circuit-draft.ts';
import { createCircuit, getCircuit, reviseCircuit, type CircuitData } from './circuits-api.ts';
import { StepFields } from './step-fields.tsx';
import './circuits.css';
import { FormButtons } from '../../app/form-buttons.tsx';

/** The most services of a territory the service choice lists (the API's page limit). */
const SERVICE_LIMIT = 500;

/** A new circuit (network coordinators of the territory). */
export function NewCircuitPage() {
  return <CircuitForm />;
}

/** A new revision of a circuit, drawn from the current one. */
export function ReviseCircuitPage({ circuitId }: { circuitId: string }) {
  const i18n = useI18n();
  const circuit = useApi(() => getCircuit(circuitId), [circuitId]);
  if (!circuit.data) {
    return <Page title={i18n.t('circuits.revise')}>{circuit.error ? <Alert tone="error">{describeError(i18n, circuit.error)}</Alert> : <Loading label={i18n.t('app.loading')} />}</Page>;
  }
  return <CircuitForm circuit={circuit.data} />;
}

function CircuitForm({ circuit }: { circuit?: CircuitData }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const vocab = useDirectoryVocab();
  const [id] = useState(newId);
  const [territory, setTerritory] = useState(circuit?.territory.code ?? '');
  const [caseType, setCaseType] = useState(circuit?.caseType ?? '');
  const [titleFr, setTitleFr] = useState(circuit?.title.fr ?? '');
  const [titleAr, setTitleAr] = useState(circuit?.title.ar ?? '');
  const [validatedOn, setValidatedOn] = useState('');
  const [validatedBy, setValidatedBy] = useState('');
  const [steps, setSteps] = useState<StepDraft[]>(() => (circuit ? circuit.revision.steps.map(stepDraft) : [emptyStep()]));
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const services = useApi(() => (territory ? searchServices({ territory, limit: SERVICE_LIMIT }) : Promise.resolve(null)), [territory]);
  const serviceOptions = (services.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.organization.name}` }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const revision = revisionInput({ validatedOn, validatedBy }, steps);
      const saved = circuit
        ? await reviseCircuit(circuit.id, revision)
        : await createCircuit({ id, territory, caseType: caseType.trim(), title: { fr: titleFr.trim(), ar: titleAr.trim() || null }, revision });
      navigate(`/circuits/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const title = circuit ? t('circuits.reviseTitle', { title: textIn(locale, circuit.title) }) : t('circuits.new');
  return (
    <Page title={title} actions={<Link to={circuit ? `/circuits/${encodeURIComponent(circuit.id)}` : '/circuits'}>{circuit ? t('circuits.backToCircuit') : t('circuits.back')}</Link>}>
      <form className="circ-form" aria-label={title} onSubmit={(e) => void submit(e)}>
        {circuit ? null : (
          <div className="circ-pair">
            <Select label={t('field.territory')} value={territory} onChange={setTerritory} options={[{ value: '', label: t('circuits.form.choose') }, ...vocab.territoryOptions]} required />
            <TextField label={t('circuits.form.caseType')} value={caseType} onChange={setCaseType} required />
            <TextField label={t('circuits.form.titleFr')} value={titleFr} onChange={setTitleFr} required />
            <TextField label={t('circuits.form.titleAr')} value={titleAr} onChange={setTitleAr} dir="rtl" lang="ar" />
          </div>
        )}
        <div className="circ-pair">
          <TextField label={t('circuits.form.validatedOn')} type="date" value={validatedOn} onChange={setValidatedOn} required />
          <TextField label={t('circuits.form.validatedBy')} hint={t('circuits.form.validatedByHint')} value={validatedBy} onChange={setValidatedBy} required />
        </div>
        <h2>{t('circuits.form.steps')}</h2>
        {steps.map((step, i) => (
          <StepFields
            key={i}
            n={i + 1}
            step={step}
            services={serviceOptions}
            types={vocab.termOptions}
            onChange={(next) => setSteps(steps.map((s, j) => (j === i ? next : s)))}
            onRemove={steps.length > 1 ? () => setSteps(steps.filter((_, j) => j !== i)) : undefined}
          />
        ))}
        <Button onClick={() => setSteps([...steps, emptyStep()])}>{t('circuits.form.addStep')}</Button>
        {error ? <Alert tone="error">{describeError(i18n, error)}</Alert> : null}
        <div className="form-actions">
          <FormButtons busy={busy}>{circuit ? t('circuits.form.submitRevision') : t('circuits.form.submit')}</FormButtons>
        </div>
      </form>
    </Page>
  );
}
