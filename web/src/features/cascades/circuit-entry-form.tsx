import { useState } from 'react';
import { CircuitEntryInput } from '@relais/core';
import { listCases } from '../../api/cases.ts';
import { searchServices } from '../../api/directory.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { ReadStatus } from '../../app/read-status.tsx';
import { Link } from '../../app/router.tsx';
import { Alert, Form, RadioGroup, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { todayIso } from '../registry/registry-labels.ts';
import { enterCircuit, type DisclosureData } from './cascades-api.ts';

/**
 * A waiting disclosure enters the care circuit: a case of the person (hers only: a registered
 * person's cases, or a link to open one) or a referral sent to a directory service on a day.
 */
export function CircuitEntryForm({ disclosure, onEntered }: { disclosure: DisclosureData; onEntered: (d: DisclosureData) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const person = disclosure.person;
  const [entry, setEntry] = useState<'case_opened' | 'referral_sent'>('referral_sent');
  const [caseId, setCaseId] = useState('');
  const [q, setQ] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [on, setOn] = useState(todayIso);
  const form = useFormSubmit();
  const { errors } = form;
  const cases = useApi(() => (person && entry === 'case_opened' ? listCases({ beneficiaryId: person.id, status: 'any' }) : Promise.resolve(null)), [person?.id, entry]);
  const term = q.trim();
  const services = useApi(() => (entry === 'referral_sent' && term.length >= 2 ? searchServices({ q: term, limit: 20 }) : Promise.resolve(null)), [term, entry]);

  const submit = async () => {
    form.begin();
    const checked = validate(CircuitEntryInput, entry === 'case_opened' ? { entry, caseId } : { entry, serviceId, on });
    if (!form.check(checked)) return;
    await form.send(async () => onEntered(await enterCircuit(disclosure.id, checked.data)));
  };

  const serviceOptions = (services.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.organization.name}` }));
  return (
    <Form className="stack" aria-label={t('disclosures.enter')} onSubmit={submit} actions={<FormButtons busy={form.busy}>{t('disclosures.confirm')}</FormButtons>}>
      {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
      {person ? (
        <RadioGroup
          legend={t('field.entry')}
          value={entry}
          error={errors.entry}
          options={[
            { value: 'referral_sent', label: t('disclosures.byReferral') },
            { value: 'case_opened', label: t('disclosures.byCase') },
          ]}
          onChange={(v) => setEntry(v as 'case_opened' | 'referral_sent')}
        />
      ) : (
        errors.entry ? <p className="field-error">{errors.entry}</p> : null
      )}
      {entry === 'case_opened' && person ? (
        <>
          <ReadStatus of={cases} />
          {cases.data && cases.data.items.length === 0 ? <p className="muted">{t('disclosures.noCase')}</p> : null}
          {cases.data?.items.length ? (
            <Select
              label={t('disclosures.byCase')}
              value={caseId}
              error={errors.caseId}
              options={[{ value: '', label: t('cascades.choose') }, ...cases.data.items.map((c) => ({ value: c.id, label: t('disclosures.caseLine', { date: i18n.formatDate(c.openedAt.slice(0, 10)) }) }))]}
              onChange={setCaseId}
            />
          ) : null}
          <p>
            <Link to={`/cases/new?beneficiary=${encodeURIComponent(person.id)}`}>{t('disclosures.openCase')}</Link>
          </p>
        </>
      ) : (
        <div className="grid-2">
          <TextField label={t('disclosures.serviceSearch')} type="search" value={q} onChange={setQ} />
          <ReadStatus of={services} />
          {services.data && serviceOptions.length === 0 ? <p className="muted">{t('disclosures.noService')}</p> : null}
          <Select label={t('field.serviceId')} value={serviceId} error={errors.serviceId} options={[{ value: '', label: t('cascades.choose') }, ...serviceOptions]} onChange={setServiceId} />
          <TextField label={t('disclosures.sentOn')} type="date" value={on} max={todayIso()} error={errors.on} onChange={setOn} />
        </div>
      )}
    </Form>
  );
}
