import { listStories } from '../../api/stories.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Card } from '../../ui/index.ts';
import { ReadItems } from '../../app/read-status.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { vocab } from '../cases/case-labels.ts';
import { dateIn } from './story-labels.ts';

/** A person's stories of change (those the reader may read), and "collect a story" from her. */
export function PersonStories({ beneficiaryId, canCollect }: { beneficiaryId: string; canCollect: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const stories = useApi(() => listStories({ beneficiaryId, limit: 50 }), [beneficiaryId]);
  const date = dateIn(intlTag(i18n.locale));
  return (
    <Card
      title={t('stories.person.title')}
      footer={
        canCollect ? (
          <Link to={`/stories/new?beneficiary=${encodeURIComponent(beneficiaryId)}`} className="btn">
            {t('stories.collect')}
          </Link>
        ) : undefined
      }
    >
      <ReadItems of={stories} empty={t('stories.person.none')}>
        {(s) => (
          <>
            <Link to={`/stories/${s.id}`}>{vocab(i18n, 'change_domain', s.domain)}</Link> <span className="muted">· {date(s.collectedOn)}</span>
          </>
        )}
      </ReadItems>
    </Card>
  );
}
