import { listCases } from '../../api/cases.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Card } from '../../ui/index.ts';
import { ReadItems } from '../../app/read-status.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { vocab, wallClock } from './case-labels.ts';
import { UrgencyChips } from './urgency-chips.tsx';

/** A person's cases (open and closed, those the reader may read), and "open a case" for her. */
export function PersonCases({ beneficiaryId, canOpen }: { beneficiaryId: string; canOpen: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const cases = useApi(() => listCases({ beneficiaryId, status: 'any', scope: 'all', limit: 50 }), [beneficiaryId]);
  const locale = intlTag(i18n.locale);
  const canRead = useCan('case.read');
  // Without case.read she sees only the cases whose team she is on: no card when there are none.
  if (!canRead && !canOpen && !cases.data?.items.length) return null;
  return (
    <Card
      title={t('cases.person.title')}
      footer={
        canOpen ? (
          <Link to={`/cases/new?beneficiary=${encodeURIComponent(beneficiaryId)}`} className="btn btn-primary">
            {t('cases.open')}
          </Link>
        ) : undefined
      }
    >
      <ReadItems of={cases} empty={t('cases.person.none')} className="item-list case-items" itemClassName="case-item">
        {(c) => (
          <>
            <div>
              <Link to={`/cases/${c.id}`}>{t('cases.person.caseOf', { program: vocab(i18n, 'program', c.program) })}</Link>
              <p className="muted">
                {t(`case_status.${c.status}`)} · {t('cases.person.openedAt', { date: wallClock(locale, c.openedAt) })} · <bdi>{c.orgUnit.name}</bdi>
              </p>
            </div>
            {c.status === 'open' ? <UrgencyChips summary={c} /> : null}
          </>
        )}
      </ReadItems>
    </Card>
  );
}
