import { getStory } from '../../api/stories.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Card, Page } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { vocab } from '../cases/case-labels.ts';
import { consentInForce, dateIn } from './story-labels.ts';
import { StoryConsentCard } from './story-consent.tsx';

/** One story with its texts (the server audits the read). */
export function StoryPage({ storyId }: { storyId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const story = useApi(() => getStory(storyId), [storyId]);
  const date = dateIn(intlTag(i18n.locale));
  const s = story.data;
  return (
    <Page
      title={s ? t('stories.story.title', { code: s.beneficiary.code }) : t('stories.title')}
      intro={s ? t('stories.story.intro', { domain: vocab(i18n, 'change_domain', s.domain), date: date(s.collectedOn), who: s.collectedBy.displayName }) : undefined}
      actions={<Link to="/stories">{t('stories.backToList')}</Link>}
      narrow
    >
      <ReadStatus of={story} />
      {s ? (
        <div className="stack">
          <Card title={t('field.story')}>
            {s.eventsFrom || s.eventsTo ? <p className="muted">{t('stories.story.events', { from: s.eventsFrom ? date(s.eventsFrom) : '…', to: s.eventsTo ? date(s.eventsTo) : '…' })}</p> : null}
            <p className="notes">{s.story}</p>
          </Card>
          {s.significance ? (
            <Card title={t('field.significance')}>
              <p className="notes">{s.significance}</p>
            </Card>
          ) : null}
          <Card title={t('field.anonymisedText')}>
            <p className="muted">{t('stories.story.consent', { consent: consentInForce(i18n, s, date) })}</p>
            {s.anonymisedText ? <p className="notes">{s.anonymisedText}</p> : <p className="muted">{t('stories.story.noAnonymised')}</p>}
          </Card>
          {s.can.write ? <StoryConsentCard key={s.consentExpiresOn ?? ''} story={s} onSaved={story.setData} /> : null}
          <p>
            <Link to={`/beneficiaries/${s.beneficiary.id}`}>{t('stories.backToPerson')}</Link>
            {s.caseId ? (
              <>
                {' · '}
                <Link to={`/cases/${s.caseId}`}>{t('field.caseId')}</Link>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
    </Page>
  );
}
