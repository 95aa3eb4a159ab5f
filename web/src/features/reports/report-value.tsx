import type { ReportRowData } from '../../api/endpoints.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { NumberFormats } from './report-labels.ts';

/**
 * One number of a report: "—" when hidden (small count) or without value (a ratio over 0);
 * 0 for a count with no row; a button opening the records behind it when `onDrill` is given.
 */
export function ReportValue({ row, ratio, formats, onDrill, drillLabel }: {
  row: ReportRowData | undefined;
  ratio: boolean;
  formats: NumberFormats;
  /** Opens the services behind the number (only for who may read them, and a cell that maps to service filters). */
  onDrill?: (() => void) | undefined;
  /** The accessible name of the drill-down button (what the number is). */
  drillLabel?: string;
}) {
  const { t } = useI18n();
  if (row?.suppressed) {
    return (
      <span className="report-hidden" title={t('reports.suppressed')}>
        —<span className="visually-hidden"> {t('reports.suppressed')}</span>
      </span>
    );
  }
  const value = row ? row.value : ratio ? null : 0;
  if (value === null) {
    return (
      <span className="report-hidden" title={t('reports.noValue')}>
        —<span className="visually-hidden"> {t('reports.noValue')}</span>
      </span>
    );
  }
  const text = formats.value(value, ratio);
  if (onDrill && value > 0) {
    return (
      <button type="button" className="link-button" aria-label={drillLabel ? t('drill.openOf', { value: text, cell: drillLabel }) : undefined} onClick={onDrill}>
        {text}
      </button>
    );
  }
  return <>{text}</>;
}
