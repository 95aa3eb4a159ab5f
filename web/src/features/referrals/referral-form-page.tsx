import { useEffect, useState } from 'react';
import { referralUrgencies, ReferralInput, type Beneficiary } from '@relais/core';
import { ApiError } from '../../api/client.ts';
import { getService } from '../../api/directory.ts';
import { getBeneficiary } from '../../api/endpoints.ts';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';
import { LoadedPage } from '../../app/read-status.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Button, Card, Checkbox, Page, RadioGroup, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { ConsentForm } from './consent-form.tsx';
import { codesOf, consentState } from './referral-labels.ts';
import { listConsents, sendReferral, type ConsentData } from './referrals-api.ts';
import { ServicePicker, type ChosenService } from './service-picker.tsx';
import './referrals.css';

/** Refers a person (`?beneficiary=…`), optionally from her case (`&case=…`) and a circuit step's directory service (`&service=…`). */
export function ReferralFormPage() {
  const { t } = useI18n();
  const [q] = useState(() => new URLSearchParams(window.location.search));
  const beneficiaryId = q.get('beneficiary') ?? '';
  const serviceId = q.get('service');
  const person = useApi(() => getBeneficiary(beneficiaryId), [beneficiaryId]);
  const service = useApi(() => (serviceId ? getService(serviceId) : Promise.resolve(null)), [serviceId]);
  const back = <Link to={`/beneficiaries/${encodeURIComponent(beneficiaryId)}`}>{t('referrals.backToPerson')}</Link>;
  return (
    <LoadedPage of={person} title={t('referrals.newTitleUnknown')} actions={back}>
      {(b) => (
        <Page title={t('referrals.newTitle', { code: b.code })} intro={t('referrals.newIntro')} actions={back}>
          {serviceId && service.data === undefined && !service.error ? null : (
            <ReferralForm person={b} caseId={q.get('case')} service={service.data ? { id: service.data.id, name: `${service.data.name} · ${service.data.organization.name}` } : null} />
          )}
        </Page>
      )}
    </LoadedPage>
  );
}

type Kind = 'organisation' | 'service';

function ReferralForm({ person, caseId, service: initialService }: { person: Beneficiary; caseId: string | null; service: ChosenService | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const req = t('common.requiredMark');
  const canOverride = useCan('referral.override');
  const canRecordConsent = useCan('person.write');
  const consents = useApi(() => listConsents(person.id), [person.id]);
  const [id] = useState(newId);
  const [kind, setKind] = useState<Kind>(initialService ? 'service' : 'organisation');
  const [orgCode, setOrgCode] = useState('');
  const [service, setService] = useState<ChosenService | null>(initialService);
  const [need, setNeed] = useState('');
  const [statedNeeds, setStatedNeeds] = useState('');
  const [urgency, setUrgency] = useState<string>('normal');
  const [accompanied, setAccompanied] = useState(false);
  const [interpretation, setInterpretation] = useState('');
  const [note, setNote] = useState('');
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [recording, setRecording] = useState(false);
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;
  const needsConsent = form.failure instanceof ApiError && form.failure.code === 'consent_required';
  const today = todayIso();
  const holding = (consents.data?.items ?? []).filter((c) => c.purposes.includes('referral') && consentState(c, today) === 'holds');
  const code = codesOf(orgCode)[0] ?? '';

  const submit = async () => {
    form.begin();
    const checked = validate(ReferralInput, {
      id,
      beneficiaryId: person.id,
      caseId,
      ...(kind === 'organisation' ? { toOrganisation: code } : service ? { toService: service.id } : {}),
      need,
      statedNeeds: statedNeeds.trim() || null,
      urgency,
      accompanied,
      interpretation: interpretation.trim() || null,
      note: note.trim() || null,
      ...(override ? { override: { reason } } : {}),
    });
    const more: FieldErrors = kind === 'service' && !service ? { toService: t('validation.required', { field: t('field.toService') }) } : {};
    if (!form.check(checked, more)) return;
    await form.send(async () => {
      const sent = await sendReferral(checked.data);
      navigate(`/referrals/${encodeURIComponent(sent.id)}?sent=1`);
    });
  };
  useEffect(() => {
    if (recording) document.getElementById('ref-consent-now')?.scrollIntoView({ block: 'start' });
  }, [recording]);
  const consentSaved = (c: ConsentData) => {
    setRecording(false);
    consents.reload();
    form.succeed(t('referrals.consentNowSaved', { to: c.to.map((o) => o.code).concat(c.toServices.map((s) => s.name)).join(', ') }));
  };

  return (
    <>
      <SubmitForm label={t('referrals.formLabel')} form={form} onSubmit={submit} submitLabel={t('referrals.send')} className="stack">
        <Card title={t('referrals.receiver')}>
          <div className="stack">
            <RadioGroup
              legend={t('referrals.receiverKind')}
              value={kind}
              options={[
                { value: 'organisation', label: t('referrals.kind.organisation'), hint: t('referrals.kind.organisationHint') },
                { value: 'service', label: t('referrals.kind.service'), hint: t('referrals.kind.serviceHint') },
              ]}
              onChange={(v) => setKind(v === 'service' ? 'service' : 'organisation')}
            />
            <CoveredReceivers consents={holding} kind={kind} onOrganisation={setOrgCode} onService={setService} />
            {kind === 'organisation' ? (
              <TextField label={t('field.toOrganisation')} hint={t('referrals.orgCodeHint')} value={orgCode} required requiredLabel={req} error={errors.toOrganisation} autoCapitalize="characters" onChange={setOrgCode} />
            ) : (
              <>
                {service ? (
                  <p className="ref-chosen-one">
                    <span className="muted">{t('directory.labelled', { label: t('field.toService') })}</span> <bdi>{service.name}</bdi>
                  </p>
                ) : null}
                <ServicePicker label={service ? t('referrals.otherService') : t('field.toService')} error={errors.toService} onChoose={setService} />
              </>
            )}
          </div>
        </Card>
        <Card title={t('referrals.what')}>
          <div className="stack">
            <TextField label={t('field.need')} hint={t('referrals.needHint')} value={need} required requiredLabel={req} maxLength={200} error={errors.need} onChange={setNeed} />
            <TextArea label={t('field.statedNeeds')} hint={t('referrals.statedNeedsHint')} value={statedNeeds} rows={3} maxLength={1000} error={errors.statedNeeds} onChange={setStatedNeeds} />
            <RadioGroup legend={t('field.urgency')} value={urgency} error={errors.urgency} options={referralUrgencies.map((u) => ({ value: u, label: t(`referrals.urgency.${u}`) }))} onChange={setUrgency} />
            <Checkbox label={t('field.accompanied')} hint={t('referrals.accompaniedHint')} checked={accompanied} onChange={setAccompanied} />
            <TextField label={t('field.interpretation')} hint={t('referrals.interpretationHint')} value={interpretation} maxLength={40} error={errors.interpretation} onChange={setInterpretation} />
            <TextArea label={t('field.note')} hint={t('referrals.noteHint')} value={note} maxLength={2000} error={errors.note} onChange={setNote} />
          </div>
        </Card>
        {needsConsent || override ? (
          <Card title={t('referrals.noConsentTitle')} className="ref-no-consent">
            <div className="stack">
              {canRecordConsent && !recording ? (
                <p>
                  <Button variant="primary" onClick={() => setRecording(true)}>
                    {t('referrals.recordConsentNow')}
                  </Button>
                </p>
              ) : null}
              {canOverride ? (
                <>
                  <Checkbox label={t('referrals.useOverride')} hint={t('referrals.overrideHint')} checked={override} onChange={setOverride} />
                  {override ? <TextArea label={t('referrals.overrideReason')} value={reason} required requiredLabel={req} maxLength={500} error={errors['override.reason']} onChange={setReason} /> : null}
                </>
              ) : (
                <p className="muted">{t('referrals.askCoordinator')}</p>
              )}
            </div>
          </Card>
        ) : null}
      </SubmitForm>
      {recording ? (
        <div id="ref-consent-now">
          <Card title={t('referrals.consent.new')}>
            <ConsentForm beneficiaryId={person.id} orgCode={kind === 'organisation' ? code : ''} service={kind === 'service' ? service : null} onSaved={consentSaved} onCancel={() => setRecording(false)} />
          </Card>
        </div>
      ) : null}
    </>
  );
}

/** The receivers her consents cover today for a referral, as one-tap choices. */
function CoveredReceivers({ consents, kind, onOrganisation, onService }: { consents: readonly ConsentData[]; kind: Kind; onOrganisation: (code: string) => void; onService: (s: ChosenService) => void }) {
  const { t } = useI18n();
  const orgs = [...new Map(consents.flatMap((c) => c.to).map((o) => [o.code, o])).values()];
  const services = [...new Map(consents.flatMap((c) => c.toServices).map((s) => [s.id, s])).values()];
  const shown = kind === 'organisation' ? orgs.map((o) => ({ key: o.code, label: `${o.name} (${o.code})`, pick: () => onOrganisation(o.code) })) : services.map((s) => ({ key: s.id, label: s.name, pick: () => onService(s) }));
  if (!shown.length) return <p className="muted small">{t('referrals.noneCovered')}</p>;
  return (
    <div className="ref-covered">
      <span className="muted small">{t('referrals.covered')}</span>
      {shown.map((s) => (
        <Button key={s.key} size="small" onClick={s.pick}>
          <bdi>{s.label}</bdi>
        </Button>
      ))}
    </div>
  );
}
