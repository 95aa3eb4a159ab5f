import { exportReport, type ReportLayout, type ReportRequest } from '../../api/endpoints.ts';
import { Button, useFileDownload } from '../../ui/index.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The report as a file (XLSX laid out as the screen, or CSV; the same query as on the screen), and printing the screen. */
export function ReportDownloads({ query, layout, printable = false }: { query: ReportRequest | null; layout: ReportLayout; printable?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { busy, error, download: save } = useFileDownload<'xlsx' | 'csv'>();
  const download = (format: 'xlsx' | 'csv') => (query ? save(format, () => exportReport(query, format, layout)) : Promise.resolve());

  return (
    <div className="report-downloads no-print">
      <div className="form-actions">
        <Button size="small" busy={busy === 'xlsx'} disabled={!query || busy !== null} onClick={() => void download('xlsx')}>
          {busy === 'xlsx' ? t('reports.downloading') : t('reports.download.xlsx')}
        </Button>
        <Button size="small" busy={busy === 'csv'} disabled={!query || busy !== null} onClick={() => void download('csv')}>
          {busy === 'csv' ? t('reports.downloading') : t('reports.download.csv')}
        </Button>
        {printable ? (
          <Button size="small" disabled={!query} onClick={() => window.print()}>
            {t('reports.print')}
          </Button>
        ) : null}
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}
