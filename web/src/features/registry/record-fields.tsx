import {
  entryDoors,
  genderIdentities,
  healthCoverages,
  housings,
  maritalStatuses,
  occupations,
  schoolings,
  sexes,
  type Beneficiary,
} from '@relais/core';
import { Checkbox, CheckboxList, FieldGroup, Select, TextArea, TextField, type SelectOption } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { populationLabel } from './registry-labels.ts';
import { MarkRequired } from '../../app/mark-required.tsx';
import { PictogramChoice, useLowLiteracy } from '../capture/low-literacy.tsx';
import { populationPictogram, sexPictograms } from '../capture/pictograms.ts';

type Of<T extends readonly string[]> = T[number] | '';

/** The record as the form edits it (strings for inputs; converted by `recordInput`). */
export interface RecordDraft {
  populations: string[];
  sex: Of<typeof sexes>;
  genderIdentity: Of<typeof genderIdentities>;
  birthYear: string;
  entryDoor: Of<typeof entryDoors>;
  maritalStatus: Of<typeof maritalStatuses>;
  schooling: Of<typeof schoolings>;
  housing: Of<typeof housings>;
  occupation: Of<typeof occupations>;
  childrenInCharge: string;
  healthCoverage: Of<typeof healthCoverages>;
  contactConsent: boolean;
  phone: string;
  notes: string;
}

export const emptyRecordDraft: RecordDraft = {
  populations: [],
  sex: '',
  genderIdentity: '',
  birthYear: '',
  entryDoor: '',
  maritalStatus: '',
  schooling: '',
  housing: '',
  occupation: '',
  childrenInCharge: '',
  healthCoverage: '',
  contactConsent: false,
  phone: '',
  notes: '',
};

/** The draft of an existing record (phone and notes empty when the reader may not see them). */
export function draftOf(b: Beneficiary): RecordDraft {
  return {
    populations: [...b.populations],
    sex: b.sex,
    genderIdentity: b.genderIdentity ?? '',
    birthYear: b.birthYear === null ? '' : String(b.birthYear),
    entryDoor: b.entryDoor ?? '',
    maritalStatus: b.profile.maritalStatus ?? '',
    schooling: b.profile.schooling ?? '',
    housing: b.profile.housing ?? '',
    occupation: b.profile.occupation ?? '',
    childrenInCharge: b.profile.childrenInCharge === null ? '' : String(b.profile.childrenInCharge),
    healthCoverage: b.profile.healthCoverage ?? '',
    contactConsent: b.contactConsent,
    phone: b.phone ?? '',
    notes: b.notes ?? '',
  };
}

/** A number input's value: null when empty, the number when it is one, else the text (the schema says why). */
function numberOrText(raw: string): number | string | null {
  const s = raw.trim();
  if (!s) return null;
  return /^\d+$/.test(s) ? Number(s) : s;
}

const orNull = (s: string) => (s === '' ? null : s);

/** The record fields of a request (RegisterBeneficiary / UpdateBeneficiary), before validation. */
export function recordInput(d: RecordDraft) {
  return {
    populations: d.populations,
    sex: d.sex === '' ? undefined : d.sex,
    genderIdentity: orNull(d.genderIdentity),
    birthYear: numberOrText(d.birthYear),
    entryDoor: orNull(d.entryDoor),
    profile: {
      maritalStatus: orNull(d.maritalStatus),
      schooling: orNull(d.schooling),
      housing: orNull(d.housing),
      occupation: orNull(d.occupation),
      childrenInCharge: numberOrText(d.childrenInCharge),
      healthCoverage: orNull(d.healthCoverage),
    },
    // A phone only with the person's consent.
    phone: d.contactConsent && d.phone.trim() ? d.phone.trim() : null,
    contactConsent: d.contactConsent,
    notes: d.notes.trim() ? d.notes : null,
  };
}

/** The first error of a field or of one of its items (`populations.0` → `populations`). */
export function errorOf(errors: FieldErrors, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : undefined;
}

/**
 * Populations, sex, gender identity, birth year, entry door, profile, contact and notes:
 * the record after its code, for registering and editing.
 */
export function RecordFields({ draft, onChange, errors, populations, hidePhone = false, hideNotes = false, phoneHint, birthYearHint }: {
  draft: RecordDraft;
  onChange: (d: RecordDraft) => void;
  errors: FieldErrors;
  /** The organisation's population vocabulary. */
  populations: readonly string[];
  hidePhone?: boolean;
  hideNotes?: boolean;
  phoneHint?: string | undefined;
  birthYearHint?: string | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [isLowLiteracy] = useLowLiteracy();
  const set = <K extends keyof RecordDraft>(key: K) => (value: RecordDraft[K]) => onChange({ ...draft, [key]: value });
  const none = { value: '', label: '—' };
  // Codes the record has that the vocabulary no longer lists stay visible.
  const populationCodes = [...populations, ...draft.populations.filter((p) => !populations.includes(p))];
  const populationError = errorOf(errors, 'populations');
  // A vocabulary of the profile: not said ("—") or one of its values.
  const profileSelect = <K extends 'maritalStatus' | 'schooling' | 'housing' | 'occupation' | 'healthCoverage'>(key: K, options: readonly SelectOption[]) => (
    <Select label={t(`field.profile.${key}`)} value={draft[key]} error={errors[`profile.${key}`]} options={[none, ...options]} onChange={(v) => set(key)(v as RecordDraft[K])} />
  );

  return (
    <MarkRequired>
      <>
        <FieldGroup legend={t('register.personGroup')}>
          {isLowLiteracy ? (
            // Pictograms first (ADR 0042): who she is, drawn, before the lists. Gender identity stays a
            // list below: drawn, its "woman" and "man" would repeat the sex's tiles, word for word.
            <>
              <PictogramChoice
                legend={t('field.populations')}
                multiple
                required
                options={populationCodes.map((p) => ({ value: p, label: populationLabel(i18n, p), pictogram: populationPictogram(p) }))}
                values={draft.populations}
                error={populationError}
                onChange={set('populations')}
              />
              <PictogramChoice
                legend={t('field.sex')}
                required
                options={sexes.map((s) => ({ value: s, label: t(`sex.${s}`), pictogram: sexPictograms[s] }))}
                values={draft.sex ? [draft.sex] : []}
                error={errors.sex}
                onChange={(v) => set('sex')(v[0] ?? '')}
              />
            </>
          ) : (
            <fieldset className={['fieldset', 'fieldset-inner', populationError ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
              <legend className="fieldset-legend">
                {t('field.populations')} <span className="field-required" title={t('common.requiredMark')} aria-hidden="true">*</span>
              </legend>
              <CheckboxList options={populationCodes.map((p) => ({ value: p, label: populationLabel(i18n, p) }))} values={draft.populations} onChange={set('populations')} />
              {populationError ? <p className="field-error">{populationError}</p> : null}
            </fieldset>
          )}
          <div className="grid-2">
            {isLowLiteracy ? null : (
              <Select
                label={t('field.sex')}
                value={draft.sex}
                required
                error={errors.sex}
                options={[none, ...sexes.map((s) => ({ value: s, label: t(`sex.${s}`) }))]}
                onChange={(v) => set('sex')(v as RecordDraft['sex'])}
              />
            )}
            <Select
              label={t('field.genderIdentity')}
              hint={t('register.optional')}
              value={draft.genderIdentity}
              error={errors.genderIdentity}
              options={[none, ...genderIdentities.map((g) => ({ value: g, label: t(`gender_identity.${g}`) }))]}
              onChange={(v) => set('genderIdentity')(v as RecordDraft['genderIdentity'])}
            />
            <TextField
              label={t('field.birthYear')}
              hint={birthYearHint}
              value={draft.birthYear}
              error={errors.birthYear}
              inputMode="numeric"
              maxLength={4}
              dir="ltr"
              onChange={set('birthYear')}
            />
            <Select
              label={t('field.entryDoor')}
              value={draft.entryDoor}
              error={errors.entryDoor}
              options={[none, ...entryDoors.map((e) => ({ value: e, label: t(`entry_door.${e}`) }))]}
              onChange={(v) => set('entryDoor')(v as RecordDraft['entryDoor'])}
            />
          </div>
        </FieldGroup>

        <FieldGroup legend={t('register.profileGroup')} hint={t('register.profileHint')}>
          <div className="grid-2">
            {profileSelect('maritalStatus', maritalStatuses.map((v) => ({ value: v, label: t(`marital_status.${v}`) })))}
            {profileSelect('schooling', schoolings.map((v) => ({ value: v, label: t(`schooling.${v}`) })))}
            {profileSelect('housing', housings.map((v) => ({ value: v, label: t(`housing.${v}`) })))}
            {profileSelect('occupation', occupations.map((v) => ({ value: v, label: t(`occupation.${v}`) })))}
            <TextField
              label={t('field.profile.childrenInCharge')}
              value={draft.childrenInCharge}
              error={errors['profile.childrenInCharge']}
              inputMode="numeric"
              maxLength={2}
              dir="ltr"
              onChange={set('childrenInCharge')}
            />
            {profileSelect('healthCoverage', healthCoverages.map((v) => ({ value: v, label: t(`health_coverage.${v}`) })))}
          </div>
        </FieldGroup>

        {hidePhone && hideNotes ? null : (
          <FieldGroup legend={t('register.contactGroup')}>
            {hidePhone ? null : (
              <>
                <Checkbox
                  label={t('field.contactConsent')}
                  hint={t('register.consentHint')}
                  checked={draft.contactConsent}
                  error={errors.contactConsent}
                  onChange={set('contactConsent')}
                />
                <TextField
                  label={t('field.phone')}
                  hint={phoneHint ?? t('register.phoneHint')}
                  type="tel"
                  dir="ltr"
                  autoComplete="off"
                  value={draft.phone}
                  disabled={!draft.contactConsent}
                  error={errors.phone}
                  onChange={set('phone')}
                />
              </>
            )}
            {hideNotes ? null : (
              <TextArea label={t('field.notes')} hint={t('register.notesHint')} value={draft.notes} error={errors.notes} onChange={set('notes')} maxLength={5000} />
            )}
          </FieldGroup>
        )}
      </>
    </MarkRequired>
  );
}
