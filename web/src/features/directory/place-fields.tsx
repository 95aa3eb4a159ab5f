import type { LocationData, OrganizationData } from '../../api/directory.ts';
import type { FieldErrors } from '../../i18n/errors.ts';
import { Checkbox, FieldGroup, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** A new organisation or location as typed (the page turns it into the contract's input). */
export interface NewOrganizationDraft {
  name: string;
  email: string;
  website: string;
}
export interface NewLocationDraft {
  name: string;
  address1: string;
  city: string;
  latitude: string;
  longitude: string;
  accessibility: string;
  confidential: boolean;
}
export const emptyOrganization: NewOrganizationDraft = { name: '', email: '', website: '' };
export const emptyLocation: NewLocationDraft = { name: '', address1: '', city: '', latitude: '', longitude: '', accessibility: '', confidential: false };

/** `choice`: an existing organisation's id, `new`, or '' (none chosen yet). */
export function OrganizationPicker({ organizations, choice, onChoice, draft, onDraft, errors }: {
  organizations: readonly OrganizationData[];
  choice: string;
  onChoice: (choice: string) => void;
  draft: NewOrganizationDraft;
  onDraft: (d: NewOrganizationDraft) => void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const set = <K extends keyof NewOrganizationDraft>(key: K) => (value: NewOrganizationDraft[K]) => onDraft({ ...draft, [key]: value });
  return (
    <FieldGroup legend={t('directory.new.organization')}>
      <Select
        label={t('directory.new.organization')}
        value={choice}
        required
        error={errors.organizationId}
        options={[
          { value: '', label: t('directory.new.chooseOrganization'), disabled: true },
          ...organizations.map((o) => ({ value: o.id, label: o.name })),
          { value: 'new', label: t('directory.new.newOrganization') },
        ]}
        onChange={onChoice}
      />
      {choice === 'new' ? (
        <div className="grid-2">
          <TextField label={t('field.name')} value={draft.name} required error={errors['organization.name']} onChange={set('name')} />
          <TextField label={t('field.email')} type="email" dir="ltr" value={draft.email} error={errors['organization.email']} onChange={set('email')} />
          <TextField label={t('field.website')} type="url" dir="ltr" value={draft.website} error={errors['organization.website']} onChange={set('website')} />
        </div>
      ) : null}
    </FieldGroup>
  );
}

/** `choice`: an existing location's id, `new`, or '' (a service without a place, e.g. a hotline). */
export function LocationPicker({ locations, choice, onChoice, draft, onDraft, errors }: {
  locations: readonly LocationData[];
  choice: string;
  onChoice: (choice: string) => void;
  draft: NewLocationDraft;
  onDraft: (d: NewLocationDraft) => void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const set = <K extends keyof NewLocationDraft>(key: K) => (value: NewLocationDraft[K]) => onDraft({ ...draft, [key]: value });
  const e = (field: string) => errors[`location.${field}`];
  return (
    <FieldGroup legend={t('directory.new.location')}>
      <Select
        label={t('directory.new.location')}
        value={choice}
        options={[
          { value: '', label: t('directory.new.noLocation') },
          ...locations.map((l) => ({ value: l.id, label: l.address ? `${l.name} (${l.address.city})` : l.name })),
          { value: 'new', label: t('directory.new.newLocation') },
        ]}
        onChange={onChoice}
      />
      {choice === 'new' ? (
        <>
          <div className="grid-2">
            <TextField label={t('field.name')} value={draft.name} required error={e('name')} onChange={set('name')} />
            <TextField label={t('field.address1')} value={draft.address1} error={e('address.address1')} onChange={set('address1')} />
            <TextField label={t('field.city')} value={draft.city} error={e('address.city')} onChange={set('city')} />
            <TextField label={t('field.accessibility')} value={draft.accessibility} error={e('accessibility')} onChange={set('accessibility')} />
            <TextField label={t('directory.new.latitude')} inputMode="decimal" dir="ltr" value={draft.latitude} error={e('latitude')} onChange={set('latitude')} />
            <TextField label={t('directory.new.longitude')} inputMode="decimal" dir="ltr" value={draft.longitude} error={e('longitude')} onChange={set('longitude')} />
          </div>
          <Checkbox label={t('field.confidential')} checked={draft.confidential} onChange={set('confidential')} />
        </>
      ) : null}
    </FieldGroup>
  );
}
