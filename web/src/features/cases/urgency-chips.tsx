import type { CaseSummaryData } from '../../api/cases.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { urgencyChips } from './case-labels.ts';

/** Why a case is urgent, as small coloured labels (most urgent first). */
export function UrgencyChips({ summary }: { summary: CaseSummaryData }) {
  const i18n = useI18n();
  const chips = urgencyChips(i18n, summary);
  if (!chips.length) return null;
  return (
    <ul className="chips" aria-label={i18n.t('cases.col.urgency')}>
      {chips.map((c) => (
        <li key={c.key} className={`tag tag-${c.tone}`}>
          {c.text}
        </li>
      ))}
    </ul>
  );
}
