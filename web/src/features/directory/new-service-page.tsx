import { useState } from 'react';
import { DirectoryOrganizationInput, DirectoryServiceInput, LocationInput } from '@relais/core';
import { createLocation, createOrganization, createService, listLocations, listOrganizations } from '../../api/directory.ts';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate, type Validation } from '../../api/validate.ts';
import { Link, navigate } from '../../app/router.tsx';
import { Card, Page } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldErrorsOf, type FieldErrors } from '../../i18n/errors.ts';
import { DirForm } from './form-parts.tsx';
import { LocationPicker, OrganizationPicker, emptyLocation, emptyOrganization, type NewLocationDraft, type NewOrganizationDraft } from './place-fields.tsx';
import { emptyServiceDraft, officeHours, orNull, serviceInputOf, type ServiceDraft } from './service-draft.ts';
import { ServiceFields } from './service-fields.tsx';
import { useDirectoryVocab } from './use-directory-vocab.ts';
import './directory.css';

/** A coordinate as typed: null when blank, a number when it reads as one, else the text (the contract says what is wrong). */
function coordinate(v: string): number | string | null {
  const text = v.trim().replace(',', '.');
  if (!text) return null;
  return Number.isFinite(Number(text)) ? Number(text) : text;
}

/** The field errors of a local check, under `prefix`. */
function errorsUnder(i18n: Parameters<typeof fieldErrorsOf>[0], prefix: string, checked: Validation<unknown> | null): FieldErrors {
  if (!checked || checked.ok) return {};
  return Object.fromEntries(Object.entries(fieldErrorsOf(i18n, checked.fields)).map(([k, v]) => [`${prefix}${k}`, v]));
}

/**
 * Adds a service: its organisation (chosen, or new), its place (chosen, new, or none), then the
 * service itself. Every id is made here, so that sending again after a failure creates nothing twice.
 */
export function NewServicePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const vocab = useDirectoryVocab();
  const form = useFormSubmit({ alertsInvalid: true });
  const [ids] = useState(() => ({ organization: newId(), location: newId(), service: newId() }));
  const organizations = useApi(() => listOrganizations(), []);
  const [orgChoice, setOrgChoice] = useState('');
  const [orgDraft, setOrgDraft] = useState<NewOrganizationDraft>(emptyOrganization);
  const organizationId = orgChoice === 'new' ? ids.organization : orgChoice;
  const locations = useApi(() => (orgChoice && orgChoice !== 'new' ? listLocations(orgChoice) : Promise.resolve({ items: [] })), [orgChoice]);
  const [locChoice, setLocChoice] = useState('');
  const [locDraft, setLocDraft] = useState<NewLocationDraft>(emptyLocation);
  const [draft, setDraft] = useState<ServiceDraft>(emptyServiceDraft);

  const placeName = (choice: string, typed: string) => (choice === 'new' ? typed || t('directory.new.newLocation') : (locations.data?.items.find((l) => l.id === choice)?.name ?? ''));
  const chooseLocation = (choice: string) => {
    setLocChoice(choice);
    const hours = draft.locations[0]?.hours ?? [{ ...officeHours, byDay: [...officeHours.byDay] }];
    const locationId = choice === 'new' ? ids.location : choice;
    setDraft({ ...draft, locations: choice ? [{ locationId, name: placeName(choice, locDraft.name), hours }] : [] });
  };
  const typeLocation = (d: NewLocationDraft) => {
    setLocDraft(d);
    setDraft({ ...draft, locations: draft.locations.map((l) => ({ ...l, name: placeName('new', d.name) })) });
  };
  const chooseOrganization = (choice: string) => {
    setOrgChoice(choice);
    setLocChoice('');
    setDraft({ ...draft, locations: [] });
  };

  const submit = async () => {
    form.begin();
    const org = orgChoice === 'new' ? validate(DirectoryOrganizationInput, { id: ids.organization, name: orgDraft.name, email: orNull(orgDraft.email), website: orNull(orgDraft.website) }) : null;
    const hasAddress = Boolean(locDraft.address1.trim() || locDraft.city.trim());
    const loc =
      locChoice === 'new'
        ? validate(LocationInput, {
            id: ids.location,
            organizationId,
            name: locDraft.name,
            address: hasAddress ? { address1: locDraft.address1, city: locDraft.city } : null,
            latitude: coordinate(locDraft.latitude),
            longitude: coordinate(locDraft.longitude),
            accessibility: orNull(locDraft.accessibility),
            confidential: locDraft.confidential,
          })
        : null;
    const service = validate(DirectoryServiceInput, { ...serviceInputOf(draft), id: ids.service, organizationId });
    const more = { ...errorsUnder(i18n, 'organization.', org), ...errorsUnder(i18n, 'location.', loc) };
    if (!form.check(service, more) || (org && !org.ok) || (loc && !loc.ok)) return;
    const sent = await form.send(async () => {
      if (org?.ok) await createOrganization(org.data);
      if (loc?.ok) await createLocation(loc.data);
      await createService(service.data);
    });
    if (sent) navigate(`/directory/services/${encodeURIComponent(ids.service)}`);
  };

  return (
    <Page title={t('directory.new.title')} intro={t('directory.new.intro')} actions={<Link to="/directory">{t('directory.service.back')}</Link>}>
      <Card>
        <DirForm label={t('directory.new.title')} form={form} onSubmit={submit} saveLabel={t('directory.new.submit')}>
          <OrganizationPicker
            organizations={(organizations.data?.items ?? []).filter((o) => o.editable)}
            choice={orgChoice}
            onChoice={chooseOrganization}
            draft={orgDraft}
            onDraft={setOrgDraft}
            errors={form.errors}
          />
          {orgChoice ? (
            <LocationPicker locations={locations.data?.items ?? []} choice={locChoice} onChoice={chooseLocation} draft={locDraft} onDraft={typeLocation} errors={form.errors} />
          ) : null}
          <h2 className="subheading">{t('directory.service.about')}</h2>
          <ServiceFields draft={draft} onChange={setDraft} errors={form.errors} vocab={vocab} />
        </DirForm>
      </Card>
    </Page>
  );
}
