import { eligibleSexes, serviceCosts, serviceLanguages, serviceStatuses } from '@relais/core';
import type { FieldErrors } from '../../i18n/errors.ts';
import { Checkbox, FieldGroup, Select, TextArea, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { dirVocab } from './directory-labels.ts';
import { TextList, phoneErrorOf } from './form-parts.tsx';
import { HoursFields } from './hours-fields.tsx';
import type { ServiceDraft } from './service-draft.ts';
import type { DirectoryVocab } from './use-directory-vocab.ts';

/** Ticks a value in or out of a list, keeping the order of `all`. */
function toggled<T extends string>(all: readonly T[], list: readonly string[], value: T, on: boolean): T[] {
  return all.filter((x) => (x === value ? on : list.includes(x)));
}

/** Every field of a service (the edit form and the new service's page): what, for whom, where and when, phones. */
export function ServiceFields({ draft, onChange, errors, vocab }: { draft: ServiceDraft; onChange: (d: ServiceDraft) => void; errors: FieldErrors; vocab: DirectoryVocab }) {
  const i18n = useI18n();
  const { t } = i18n;
  const set = <K extends keyof ServiceDraft>(key: K) => (value: ServiceDraft[K]) => onChange({ ...draft, [key]: value });
  const territoryCodes = vocab.territoryOptions.map((o) => o.value);
  return (
    <>
      <TextField label={t('field.name')} value={draft.name} required error={errors.name} onChange={set('name')} />
      <div className="grid-2">
        <Select
          label={t('field.serviceType')}
          value={draft.serviceType}
          required
          options={[{ value: '', label: t('directory.form.chooseType'), disabled: true }, ...vocab.termOptions]}
          error={errors.serviceType}
          onChange={set('serviceType')}
        />
        <Select
          label={t('common.status')}
          value={draft.status}
          options={serviceStatuses.map((s) => ({ value: s, label: dirVocab(i18n, 'status', s) }))}
          error={errors.status}
          onChange={(v) => set('status')(serviceStatuses.find((s) => s === v) ?? 'active')}
        />
      </div>
      <TextArea label={t('field.description')} value={draft.description} error={errors.description} onChange={set('description')} />
      <FieldGroup legend={t('field.territories')} hint={t('directory.form.territoriesHint')}>
        <div className="checkbox-list">
          {vocab.territoryOptions.map((o) => (
            <Checkbox key={o.value} label={o.label} checked={draft.territories.includes(o.value)} onChange={(on) => set('territories')(toggled(territoryCodes, draft.territories, o.value, on))} />
          ))}
        </div>
        {errors.territories ? <p className="field-error">{errors.territories}</p> : null}
      </FieldGroup>
      <FieldGroup legend={t('field.eligibility')}>
        <div className="grid-2">
          <Select
            label={t('field.sex')}
            value={draft.sex}
            options={eligibleSexes.map((s) => ({ value: s, label: dirVocab(i18n, 'sex', s) }))}
            onChange={(v) => set('sex')(eligibleSexes.find((s) => s === v) ?? 'any')}
          />
          <div className="dir-pair">
            <TextField label={t('field.minimumAge')} inputMode="numeric" value={draft.minimumAge} error={errors['eligibility.minimumAge']} onChange={set('minimumAge')} />
            <TextField label={t('field.maximumAge')} inputMode="numeric" value={draft.maximumAge} error={errors['eligibility.maximumAge']} onChange={set('maximumAge')} />
          </div>
        </div>
        <Checkbox label={t('field.migrantsAnyStatus')} checked={draft.migrantsAnyStatus} onChange={set('migrantsAnyStatus')} />
        <TextField label={t('field.description')} value={draft.eligibilityDescription} error={errors['eligibility.description']} onChange={set('eligibilityDescription')} />
      </FieldGroup>
      <div className="grid-2">
        <Select
          label={t('field.cost')}
          value={draft.cost}
          options={serviceCosts.map((c) => ({ value: c, label: dirVocab(i18n, 'cost', c) }))}
          onChange={(v) => set('cost')(serviceCosts.find((c) => c === v) ?? 'free')}
        />
        <TextField label={t('field.feesDescription')} value={draft.feesDescription} error={errors.feesDescription} onChange={set('feesDescription')} />
      </div>
      <FieldGroup legend={t('field.languages')}>
        <div className="checkbox-list">
          {serviceLanguages.map((l) => (
            <Checkbox key={l} label={dirVocab(i18n, 'language', l)} checked={draft.languages.includes(l)} onChange={(on) => set('languages')(toggled(serviceLanguages, draft.languages, l, on))} />
          ))}
        </div>
      </FieldGroup>
      <TextList
        legend={t('field.requiredDocuments')}
        items={draft.requiredDocuments}
        onChange={set('requiredDocuments')}
        itemLabel={(n) => t('directory.form.document', { n })}
        addLabel={t('directory.form.addDocument')}
        errorOf={(i) => errors[`requiredDocuments.${i}`]}
        max={20}
      />
      {draft.locations.map((l, i) => (
        <HoursFields
          key={l.locationId}
          place={l.name}
          hours={l.hours}
          onChange={(hours) => set('locations')(draft.locations.map((x, k) => (k === i ? { ...x, hours } : x)))}
          errorOf={(j, field) => errors[`locations.${i}.hours.${j}.${field}`]}
        />
      ))}
      <TextList
        legend={t('field.phones')}
        items={draft.phones}
        onChange={set('phones')}
        itemLabel={(n) => t('directory.form.phone', { n })}
        addLabel={t('directory.form.addPhone')}
        errorOf={phoneErrorOf(errors, 'phones.', draft.phones)}
        max={10}
        type="tel"
        inputMode="tel"
      />
      <div className="grid-2">
        <TextField label={t('field.email')} type="email" dir="ltr" value={draft.email} error={errors.email} onChange={set('email')} />
        <TextField label={t('field.url')} type="url" dir="ltr" value={draft.url} error={errors.url} onChange={set('url')} />
      </div>
    </>
  );
}
