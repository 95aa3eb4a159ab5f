import { useState } from 'react';
import { consentFields, consentGivers, consentPurposes, ConsentInput, defaultConsentExpiry, type ConsentField, type ConsentPurpose } from '@relais/core';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';
import { Button, CheckboxList, FieldGroup, RadioGroup, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { codesOf, fieldLabel, purposeLabel } from './referral-labels.ts';
import { recordConsent, type ConsentData } from './referrals-api.ts';
import { ServicePicker, type ChosenService } from './service-picker.tsx';

/**
 * Records the person's consent: to which receivers (organisations on Relais by code, directory
 * services), for which purposes, which fields, given by whom, when, until when (12 months by default).
 */
export function ConsentForm({ beneficiaryId, orgCode = '', service = null, onSaved, onCancel }: {
  beneficiaryId: string;
  /** Receivers to start with (from a referral refused for want of consent). */
  orgCode?: string;
  service?: ChosenService | null;
  onSaved: (c: ConsentData) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const req = t('common.requiredMark');
  const [id] = useState(newId);
  const [codes, setCodes] = useState(orgCode);
  const [services, setServices] = useState<ChosenService[]>(service ? [service] : []);
  const [purposes, setPurposes] = useState<ConsentPurpose[]>(['referral']);
  const [fields, setFields] = useState<ConsentField[]>(['code', 'sex', 'birth_year', 'need']);
  const [grantedBy, setGrantedBy] = useState<string>('person');
  const [witness, setWitness] = useState('');
  const [givenOn, setGivenOn] = useState(todayIso);
  const [expiresOn, setExpiresOn] = useState(() => defaultConsentExpiry(todayIso()));
  const [expiryTouched, setExpiryTouched] = useState(false);
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;

  const changeGivenOn = (day: string) => {
    setGivenOn(day);
    // The expiry follows the day given (12 months) until she sets it herself.
    if (!expiryTouched && /^\d{4}-\d{2}-\d{2}$/.test(day)) setExpiresOn(defaultConsentExpiry(day));
  };
  const submit = async () => {
    form.begin();
    const checked = validate(ConsentInput, {
      id,
      to: codesOf(codes),
      toServices: services.map((s) => s.id),
      purposes,
      fields,
      grantedBy,
      givenOn,
      expiresOn: expiresOn || undefined,
      witness: grantedBy === 'witnessed' ? witness.trim() || null : null,
    });
    const more: FieldErrors = grantedBy === 'witnessed' && !witness.trim() ? { witness: t('validation.required', { field: t('field.witness') }) } : {};
    if (!form.check(checked, more)) return;
    await form.send(async () => onSaved(await recordConsent(beneficiaryId, checked.data)));
  };

  return (
    <SubmitForm label={t('referrals.consent.new')} form={form} onSubmit={submit} onCancel={onCancel} submitLabel={t('referrals.consent.submit')} className="stack ref-consent-form">
      <FieldGroup legend={t('referrals.consent.receivers')} hint={t('referrals.consent.receiversHint')}>
        <TextField label={t('referrals.consent.orgCodes')} hint={t('referrals.consent.orgCodesHint')} value={codes} error={errors.to ?? errors['to.0']} autoCapitalize="characters" onChange={setCodes} />
        {services.length ? (
          <ul className="plain-list ref-chosen" aria-label={t('field.toServices')}>
            {services.map((s) => (
              <li key={s.id}>
                <bdi>{s.name}</bdi>
                <Button size="small" variant="ghost" aria-label={t('referrals.removeNamed', { name: s.name })} onClick={() => setServices(services.filter((x) => x.id !== s.id))}>
                  {t('common.remove')}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <ServicePicker label={t('referrals.consent.addService')} error={errors.toServices} onChoose={(s) => setServices((all) => (all.some((x) => x.id === s.id) ? all : [...all, s]))} />
      </FieldGroup>
      <div className="grid-2">
        <FieldGroup legend={t('field.purposes')}>
          <CheckboxList options={consentPurposes.map((p) => ({ value: p, label: purposeLabel(i18n, p) }))} values={purposes} onChange={setPurposes} />
          {errors.purposes ? <p className="field-error">{errors.purposes}</p> : null}
        </FieldGroup>
        <FieldGroup legend={t('field.fields')} hint={t('referrals.consent.fieldsHint')}>
          <CheckboxList options={consentFields.map((f) => ({ value: f, label: fieldLabel(i18n, f) }))} values={fields} onChange={setFields} />
          {errors.fields ? <p className="field-error">{errors.fields}</p> : null}
        </FieldGroup>
      </div>
      <RadioGroup legend={t('field.grantedBy')} value={grantedBy} error={errors.grantedBy} options={consentGivers.map((g) => ({ value: g, label: t(`referrals.giver.${g}`) }))} onChange={setGrantedBy} />
      {grantedBy === 'witnessed' ? <TextField label={t('field.witness')} hint={t('referrals.consent.witnessHint')} value={witness} required requiredLabel={req} error={errors.witness} maxLength={200} onChange={setWitness} /> : null}
      <div className="grid-2">
        <TextField label={t('field.givenOn')} type="date" value={givenOn} max={todayIso()} required requiredLabel={req} error={errors.givenOn} onChange={changeGivenOn} />
        <TextField
          label={t('field.expiresOn')}
          hint={t('referrals.consent.expiresHint')}
          type="date"
          value={expiresOn}
          min={givenOn}
          error={errors.expiresOn}
          onChange={(v) => {
            setExpiryTouched(true);
            setExpiresOn(v);
          }}
        />
      </div>
    </SubmitForm>
  );
}
