import { useState } from 'react';
import { getService, type ServiceData } from '../../api/directory.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Button, Card, Loading, Page } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { dirVocab, eligibilityLine, termLabel, territoryName } from './directory-labels.ts';
import { EntryMarks, PhoneLinks } from './service-card.tsx';
import { ServiceChanges } from './service-changes.tsx';
import { ContactsCard, PreviousContactsCard } from './service-contacts.tsx';
import { EditServiceForm } from './service-form.tsx';
import { PlacesCard } from './service-places.tsx';
import { useDirectoryVocab } from './use-directory-vocab.ts';
import './directory.css';
import { VerifyLine } from './verify-line.tsx';

/**
 * One service, whole: what it does and for whom, its organisation, its places with their hours,
 * its focal points (and the previous ones), when each was verified; for those who may edit it,
 * "Toujours exact" on each entry, the edit form, a new focal point, and the change log.
 */
export function ServicePage({ serviceId }: { serviceId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const record = useApi(() => getService(serviceId), [serviceId]);
  const vocab = useDirectoryVocab();
  const [editing, setEditing] = useState(false);
  // Bumped after each write, so that the change log reads again.
  const [revision, setRevision] = useState(0);
  const back = <Link to="/directory">{t('directory.service.back')}</Link>;

  if (record.error && !record.data) {
    return (
      <Page title={t('directory.title')} actions={back}>
        <Alert tone="error">{describeError(i18n, record.error)}</Alert>
      </Page>
    );
  }
  if (!record.data) return <Loading label={t('app.loading')} />;
  const s = record.data;
  const refresh = () => {
    record.reload();
    setRevision((r) => r + 1);
  };
  const saved = (next: ServiceData) => {
    record.setData(next);
    setEditing(false);
    setRevision((r) => r + 1);
  };
  const hasHours = s.locations.some((l) => l.hours.length > 0);

  return (
    <Page
      title={s.name}
      intro={
        <>
          <bdi>{s.organization.name}</bdi> · {termLabel(vocab.terms, s.serviceType, i18n.locale)}
        </>
      }
      actions={
        <>
          {back}
          {s.editable && !editing ? <Button onClick={() => setEditing(true)}>{t('directory.edit')}</Button> : null}
        </>
      }
    >
      <div className="stack">
        <EntryMarks openNow={s.openNow} hasHours={hasHours} stale={false} verifiedAt={s.verification.verifiedAt} status={s.status} />
        <VerifyLine resource="service" id={s.id} name={s.name} verification={s.verification} editable={s.editable} onVerified={refresh} />
        {editing ? <EditServiceForm s={s} vocab={vocab} onCancel={() => setEditing(false)} onSaved={saved} /> : null}
        <div className="grid-2">
          <Card title={t('directory.service.about')}>
            {s.description ? (
              <p className="dir-description" dir="auto">
                {s.description}
              </p>
            ) : null}
            <dl className="facts case-facts dir-about">
              <dt>{t('field.eligibility')}</dt>
              <dd>
                {eligibilityLine(i18n, s.eligibility)}
                {s.eligibility.migrantsAnyStatus ? <div>{t('field.migrantsAnyStatus')}</div> : null}
                {s.eligibility.description ? <div className="muted">{s.eligibility.description}</div> : null}
              </dd>
              <dt>{t('field.cost')}</dt>
              <dd>
                {dirVocab(i18n, 'cost', s.cost)}
                {s.feesDescription ? <span className="muted"> · {s.feesDescription}</span> : null}
              </dd>
              <dt>{t('field.languages')}</dt>
              <dd>{s.languages.length ? s.languages.map((l) => dirVocab(i18n, 'language', l)).join(', ') : '—'}</dd>
              <dt>{t('field.requiredDocuments')}</dt>
              <dd>
                {s.requiredDocuments.length ? (
                  <ul className="plain-list">
                    {s.requiredDocuments.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </dd>
              <dt>{t('field.territories')}</dt>
              <dd>{s.territories.map((x) => territoryName(x.name, i18n.locale)).join(', ')}</dd>
              <dt>{t('field.phones')}</dt>
              <dd>{s.phones.length ? <PhoneLinks numbers={s.phones.map((p) => p.number)} /> : '—'}</dd>
              {s.email ? (
                <>
                  <dt>{t('field.email')}</dt>
                  <dd>
                    <a href={`mailto:${s.email}`} dir="ltr">
                      {s.email}
                    </a>
                  </dd>
                </>
              ) : null}
              {s.url ? (
                <>
                  <dt>{t('field.url')}</dt>
                  <dd>
                    <a href={s.url} dir="ltr" rel="noreferrer" target="_blank">
                      {s.url}
                    </a>
                  </dd>
                </>
              ) : null}
            </dl>
          </Card>
          <ContactsCard s={s} onChanged={refresh} />
          <PlacesCard s={s} days={vocab.days} onVerified={refresh} />
          <Card title={t('directory.resource.organization')}>
            <p className="lead">
              <bdi>{s.organization.name}</bdi>
            </p>
            {s.organization.onRelais ? null : <p className="muted">{t('directory.service.notOnRelais')}</p>}
            {s.organization.description ? <p>{s.organization.description}</p> : null}
            <VerifyLine
              resource="organization"
              id={s.organization.id}
              name={s.organization.name}
              verification={s.organization.verification}
              editable={s.organization.editable}
              onVerified={refresh}
            />
          </Card>
          {s.previousContacts.length ? <PreviousContactsCard s={s} /> : null}
          {s.editable ? <ServiceChanges serviceId={s.id} revision={revision} /> : null}
        </div>
      </div>
    </Page>
  );
}
