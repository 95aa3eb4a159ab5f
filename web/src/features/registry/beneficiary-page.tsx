import { useEffect, useState } from 'react';
import type { Beneficiary } from '@relais/core';
import { getBeneficiary } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { useCan, useCanForEveryProgram } from '../../app/session.tsx';
import { Alert, Button, Card, Code, Fact, Page } from '../../ui/index.ts';
import { LoadedPage } from '../../app/read-status.tsx';
import { useI18n, type I18n } from '../../i18n/i18n.tsx';
import { ServiceHistory } from '../capture/service-history.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { lazyCard } from '../../app/lazy-card.tsx';
import { MergeHistory } from './merge-history.tsx';
import { EditRecord } from './edit-record.tsx';
import { populationLabel } from './registry-labels.ts';

// Cards of follow-up beside the field: in their own chunks, out of the field entry's budget.
const PersonCases = lazyCard(() => import('../cases/person-cases.tsx').then((m) => m.PersonCases));
const PersonConsents = lazyCard(() => import('../referrals/person-consents.tsx').then((m) => m.PersonConsents));
const PersonReferrals = lazyCard(() => import('../referrals/person-referrals.tsx').then((m) => m.PersonReferrals));
const PersonStories = lazyCard(() => import('../stories/person-stories.tsx').then((m) => m.PersonStories));
const PersonRights = lazyCard(() => import('../privacy/person-rights.tsx').then((m) => m.PersonRights));
const PersonOst = lazyCard(() => import('../harm-reduction/person-ost.tsx').then((m) => m.PersonOst));
const PersonInsertion = lazyCard(() => import('../harm-reduction/person-insertion.tsx').then((m) => m.PersonInsertion));

/** One person's record: code and aliases, every field, where she is known; edit in place. */
export function BeneficiaryPage({ beneficiaryId }: { beneficiaryId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const canWrite = useCan('person.write');
  const canMerge = useCan('person.merge');
  const canRecord = useCan('service.write');
  const canOpenCase = useCan('case.write');
  const canReadCases = useCan('case.read');
  const canRefer = useCan('referral.send');
  const canExerciseRights = useCanForEveryProgram('person.rights');
  const hasOst = useWorkContext().enabledPrograms.includes('harm_reduction');
  const record = useApi(() => getBeneficiary(beneficiaryId), [beneficiaryId]);
  const [notice] = useState(() => {
    const q = new URLSearchParams(window.location.search);
    return q.has('registered') ? t('record.registered') : q.has('claimed') ? t('record.claimed') : null;
  });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<'server' | 'device' | false>(false);
  useEffect(() => {
    // The notice is shown once: a reload or a shared link does not repeat it.
    if (window.location.search) window.history.replaceState(null, '', window.location.pathname);
  }, []);

  return (
    <LoadedPage of={record} title={t('record.titleUnknown')} actions={<Link to="/beneficiaries">{t('record.backToList')}</Link>}>
      {(b) => {
        return (
          <Page
            title={t('record.title', { code: b.code })}
            intro={t('record.intro', { date: i18n.formatDate(b.registeredOn), unit: b.registeredUnit.name })}
            actions={
              <>
                <Link to="/beneficiaries">{t('record.backToList')}</Link>
                {canWrite && !editing && !b.mergedInto && !b.erasedAt ? (
                  <Button
                    variant="primary"
                    onClick={() => {
                      setSaved(false);
                      setEditing(true);
                    }}
                  >
                    {t('record.edit')}
                  </Button>
                ) : null}
              </>
            }
          >
            {notice ? <Alert tone="success">{notice}</Alert> : null}
            {saved ? <Alert tone="success">{saved === 'device' ? t('outbox.savedOnDevice') : t('common.saved')}</Alert> : null}
            {b.mergedInto ? (
              <Alert tone="warning" action={<Link to={`/beneficiaries/${b.mergedInto}`}>{t('record.openMergedInto')}</Link>}>
                {t('record.mergedInto')}
              </Alert>
            ) : null}
            {editing ? (
              <EditRecord
                beneficiary={b}
                onCancel={() => setEditing(false)}
                onSaved={(next) => {
                  record.setData(next);
                  setEditing(false);
                  setSaved('server');
                }}
                onQueued={(next) => {
                  record.setData(next);
                  setEditing(false);
                  setSaved('device');
                }}
                onDropped={() => {
                  setEditing(false);
                  record.reload();
                }}
              />
            ) : (
              <RecordView b={b} />
            )}
            <PersonCases beneficiaryId={b.id} canOpen={canOpenCase && !b.mergedInto} />
            {canReadCases ? <PersonStories beneficiaryId={b.id} canCollect={canOpenCase && !b.mergedInto} /> : null}
            <PersonConsents beneficiaryId={b.id} canWrite={canWrite && !b.mergedInto} />
            {canRefer ? <PersonReferrals beneficiaryId={b.id} canSend={!b.mergedInto} /> : null}
            {hasOst ? <PersonOst beneficiaryId={b.id} code={b.code} canWrite={canRecord && !b.mergedInto && !b.erasedAt} /> : null}
            {hasOst ? <PersonInsertion beneficiaryId={b.id} canWrite={canRecord && !b.mergedInto && !b.erasedAt} /> : null}
            <ServiceHistory beneficiaryId={b.id} canRecord={canRecord && !b.mergedInto} />
            {canMerge ? <MergeHistory beneficiaryId={b.id} onUndone={record.reload} /> : null}
            {canExerciseRights ? <PersonRights b={b} onErased={record.reload} /> : null}
          </Page>
        );
      }}
    </LoadedPage>
  );
}

const dash = '—';

/** A vocabulary value's label, or a dash when not known. */
function vocab(i18n: Pick<I18n, 't' | 'has'>, prefix: string, value: string | null): string {
  if (value === null) return dash;
  const key = `${prefix}.${value}`;
  return i18n.has(key) ? i18n.t(key) : value;
}

function RecordView({ b }: { b: Beneficiary }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="grid-2">
      <Card title={t('record.identity')}>
        <p className="code-display">
          <Code className="code-large">{b.code}</Code>
        </p>
        {b.mergedInto || b.erasedAt ? null : (
          <p>
            <Link to={`/beneficiaries/${encodeURIComponent(b.id)}/card`}>{t('card.open')}</Link>
          </p>
        )}
        {b.aliases.length ? (
          <p>
            {t('record.aliases')}{' '}
            {b.aliases.map((a) => (
              <Code key={a} className="alias">
                {a}
              </Code>
            ))}
          </p>
        ) : null}
        <dl className="facts">
          <Fact label={t('field.populations')}>{b.populations.map((p) => populationLabel(i18n, p)).join(', ') || dash}</Fact>
          <Fact label={t('field.sex')}>{vocab(i18n, 'sex', b.sex)}</Fact>
          <Fact label={t('field.genderIdentity')}>{vocab(i18n, 'gender_identity', b.genderIdentity)}</Fact>
          <Fact label={t('field.birthYear')}>{b.birthYear ?? dash}</Fact>
          <Fact label={t('field.entryDoor')}>{vocab(i18n, 'entry_door', b.entryDoor)}</Fact>
        </dl>
      </Card>
      <Card title={t('record.followUp')}>
        <dl className="facts">
          <Fact label={t('field.registeredOn')}>{i18n.formatDate(b.registeredOn)}</Fact>
          <Fact label={t('record.registeredUnit')}>
            <bdi>{b.registeredUnit.name}</bdi>
          </Fact>
          <Fact label={t('field.registeredBy')}>{b.registeredBy ? <bdi>{b.registeredBy.displayName}</bdi> : dash}</Fact>
          <Fact label={t('record.lastSeen')}>{i18n.formatDate(b.lastSeenOn)}</Fact>
        </dl>
        <h3 className="subheading">{t('record.units')}</h3>
        {b.units.length ? (
          <ul className="plain-list">
            {b.units.map((u) => (
              <li key={u.id}>
                {t('record.unitSince', { unit: u.name, date: i18n.formatDate(u.since) })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{dash}</p>
        )}
      </Card>
      <Card title={t('record.profile')}>
        <dl className="facts">
          <Fact label={t('field.profile.maritalStatus')}>{vocab(i18n, 'marital_status', b.profile.maritalStatus)}</Fact>
          <Fact label={t('field.profile.schooling')}>{vocab(i18n, 'schooling', b.profile.schooling)}</Fact>
          <Fact label={t('field.profile.housing')}>{vocab(i18n, 'housing', b.profile.housing)}</Fact>
          <Fact label={t('field.profile.occupation')}>{vocab(i18n, 'occupation', b.profile.occupation)}</Fact>
          <Fact label={t('field.profile.childrenInCharge')}>{b.profile.childrenInCharge ?? dash}</Fact>
          <Fact label={t('field.profile.healthCoverage')}>{vocab(i18n, 'health_coverage', b.profile.healthCoverage)}</Fact>
        </dl>
      </Card>
      <Card title={t('register.contactGroup')}>
        <dl className="facts">
          <Fact label={t('field.contactConsent')}>{b.contactConsent ? t('record.yes') : t('record.no')}</Fact>
          {b.phone !== null ? (
            <Fact label={t('field.phone')}>
              <bdi dir="ltr">{b.phone}</bdi>
            </Fact>
          ) : b.hasPhone ? (
            <Fact label={t('field.phone')}>{t('record.phoneHidden')}</Fact>
          ) : null}
        </dl>
        {b.notes !== null ? (
          <>
            <h3 className="subheading">{t('field.notes')}</h3>
            <p className="notes" dir="auto">
              {b.notes}
            </p>
          </>
        ) : null}
      </Card>
    </div>
  );
}
