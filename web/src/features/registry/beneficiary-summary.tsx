import type { BeneficiarySummary } from '../../api/endpoints.ts';
import { Link } from '../../app/router.tsx';
import { Code } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { populationLabel } from './registry-labels.ts';

/** The short facts of a person (for side-by-side comparison). */
export function SummaryFacts({ s }: { s: BeneficiarySummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="summary">
      <p className="code-display">
        <Link to={`/beneficiaries/${s.id}`} aria-label={t('duplicates.openRecordOf', { code: s.code })}>
          <Code className="code-large">{s.code}</Code>
        </Link>
      </p>
      <dl className="facts">
        <dt>{t('field.populations')}</dt>
        <dd>{s.populations.map((p) => populationLabel(i18n, p)).join(', ') || '—'}</dd>
        <dt>{t('field.sex')}</dt>
        <dd>{t(`sex.${s.sex}`)}</dd>
        <dt>{t('field.birthYear')}</dt>
        <dd>{s.birthYear ?? '—'}</dd>
        <dt>{t('field.registeredOn')}</dt>
        <dd>{i18n.formatDate(s.registeredOn)}</dd>
        <dt>{t('record.registeredUnit')}</dt>
        <dd>
          <bdi>{s.registeredUnit.name}</bdi>
        </dd>
        <dt>{t('field.registeredBy')}</dt>
        <dd>{s.registeredBy ? <bdi>{s.registeredBy.displayName}</bdi> : '—'}</dd>
        <dt>{t('record.lastSeen')}</dt>
        <dd>{i18n.formatDate(s.lastSeenOn)}</dd>
      </dl>
    </div>
  );
}
