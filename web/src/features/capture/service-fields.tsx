import { isBuiltInService, serviceDefinitions, type DefinedService, type ServiceCode } from '@relais/core';
import { RadioGroup, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { takesPlatform, type ServiceDraft } from './service-draft.ts';
import { serviceLabel, valueLabel } from './service-labels.ts';
import { MarkRequired } from '../../app/mark-required.tsx';
import { DefinedFields } from './defined-fields.tsx';
import { PictogramChoice, useLowLiteracy } from './low-literacy.tsx';
import { servicePictogram } from './pictograms.ts';

/**
 * The fields of one service: the service itself (unless fixed), then only the fields that
 * service takes, with translated labels and value lists. `at` prefixes the error paths.
 */
export function ServiceFields({ draft, onChange, services, defined, errors, at, fixedService = false, registerNo = true }: {
  draft: ServiceDraft;
  onChange: (next: ServiceDraft) => void;
  /** The services to choose from (the program's, then the ones the organisation defined for it). */
  services: readonly string[];
  /** The organisation's defined services (ADR 0028): a chosen one shows its own fields. */
  defined?: ReadonlyMap<string, DefinedService>;
  errors: FieldErrors;
  at: string;
  /** A correction cannot change the service: it is shown, not chosen. */
  fixedService?: boolean;
  /** Show the register number of an HIV test (transcription of a paper register). */
  registerNo?: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [isLowLiteracy] = useLowLiteracy();
  const def = isBuiltInService(draft.service) ? serviceDefinitions[draft.service as ServiceCode] : {};
  const own = defined?.get(draft.service);
  const set = <K extends keyof ServiceDraft>(key: K) => (value: ServiceDraft[K]) => onChange({ ...draft, [key]: value });
  const err = (field: string) => errors[`${at}${field}`];
  const choices = (field: 'result' | 'strategy' | 'modality' | 'kind', values: readonly string[]) => values.map((v) => ({ value: v, label: valueLabel(i18n, field, v) }));
  // The chosen service stays in the list even when the program no longer offers it (the error says so).
  const offered = draft.service && !services.includes(draft.service) ? [...services, draft.service] : services;

  return (
    <MarkRequired>
      <div className="service-fields">
        {fixedService ? null : isLowLiteracy ? (
          // Pictograms first (ADR 0042): the services as the quick screen draws them.
          <PictogramChoice
            legend={t('field.service')}
            required
            options={offered.map((s) => ({ value: s, label: serviceLabel(i18n, s), pictogram: servicePictogram(s, defined?.get(s)?.pictogram) }))}
            values={draft.service ? [draft.service] : []}
            error={err('service')}
            onChange={(v) => onChange({ ...draft, service: v[0] ?? '' })}
          />
        ) : (
          <Select
            label={t('field.service')}
            value={draft.service}
            required
            error={err('service')}
            options={[{ value: '', label: t('capture.chooseService') }, ...offered.map((s) => ({ value: s, label: serviceLabel(i18n, s) }))]}
            onChange={(v) => onChange({ ...draft, service: v })}
          />
        )}
        {own ? <DefinedFields service={own} values={draft.fields} onChange={(fields) => onChange({ ...draft, fields })} errors={errors} at={at} /> : null}
        {def.quantity ? (
          <TextField
            label={t('field.quantity')}
            hint={def.quantity === 'in' ? t('capture.quantityInHint') : t('capture.quantityOutHint')}
            value={draft.quantity}
            inputMode="numeric"
            dir="ltr"
            maxLength={6}
            required
            error={err('quantity')}
            onChange={set('quantity')}
          />
        ) : null}
        {def.result ? <RadioGroup legend={t('field.result')} value={draft.result} options={choices('result', def.result)} error={err('result')} onChange={set('result')} /> : null}
        {def.strategy ? (
          <RadioGroup legend={t('field.strategy')} value={draft.strategy} options={choices('strategy', def.strategy)} error={err('strategy')} onChange={set('strategy')} />
        ) : null}
        {def.modality ? (
          <RadioGroup legend={t('field.modality')} value={draft.modality} options={choices('modality', def.modality)} error={err('modality')} onChange={set('modality')} />
        ) : null}
        {takesPlatform(draft) ? (
          <TextField label={t('field.platform')} hint={t('capture.platformHint')} value={draft.platform} maxLength={100} error={err('platform')} onChange={set('platform')} />
        ) : null}
        {def.kind ? (
          <Select
            label={t('field.kind')}
            value={draft.kind}
            required
            error={err('kind')}
            options={[{ value: '', label: t('capture.chooseKind') }, ...choices('kind', def.kind)]}
            onChange={set('kind')}
          />
        ) : null}
        {def.treated ? (
          <RadioGroup
            legend={t('field.treated')}
            value={draft.treated}
            options={[
              { value: 'yes', label: t('record.yes') },
              { value: 'no', label: t('record.no') },
            ]}
            error={err('treated')}
            onChange={(v) => onChange({ ...draft, treated: v === 'yes' ? 'yes' : 'no' })}
          />
        ) : null}
        {registerNo && draft.service === 'hiv_test' ? (
          <RegisterNoField hint={t('capture.registerNoHint')} value={draft.registerNo} error={err('registerNo')} onChange={set('registerNo')} />
        ) : null}
        {draft.service ? (
          <TextField label={t('field.note')} hint={t('capture.noteHint')} value={draft.note} maxLength={2000} error={err('note')} onChange={set('note')} />
        ) : null}
      </div>
    </MarkRequired>
  );
}

/** An HIV test's register number, as on the paper register (`17` or `2026-017`). */
export function RegisterNoField({ hint, value, error, onChange }: { hint: string; value: string; error: string | undefined; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return <TextField label={t('field.registerNo')} hint={hint} value={value} dir="ltr" maxLength={16} error={error} onChange={onChange} />;
}
