import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { Alert, Button, Card, Table, TextField, useFileDownload } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { stockReport, stockReportFile, type StockItemData, type StockReportData } from './stock-api.ts';
import { itemLabel, monthsLabel } from './stock-labels.ts';

/** The month before this one, `YYYY-MM`. */
const lastMonth = () => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

/** The monthly report per unit and item in the logistics form, and its XLSX file. */
export function StockReportCard({ unitId, items }: { unitId: string; items: readonly StockItemData[] }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [month, setMonth] = useState(lastMonth);
  const file = useFileDownload();
  const busy = file.busy !== null;
  const valid = /^\d{4}-\d{2}$/.test(month);
  const report = useApi(() => (valid ? stockReport(month, unitId) : Promise.resolve(null)), [month, unitId]);
  const n = (v: number) => <span className={v < 0 ? 'stock-negative' : undefined}>{v.toLocaleString(locale === 'ar' ? 'ar-MA' : locale)}</span>;
  type Row = StockReportData['rows'][number];
  const figure = (key: 'opening' | 'received' | 'transferred' | 'distributed' | 'lossesAdjustments' | 'closing') => ({ key, header: t(`stock.report.${key}`), className: 'num', render: (r: Row) => n(r[key]) });

  const download = () => file.download('file', () => stockReportFile(month, unitId));

  return (
    <Card title={t('stock.report')}>
      <div className="stock-filters">
        <TextField label={t('stock.month')} type="month" value={month} onChange={setMonth} />
        <Button size="small" busy={busy} disabled={!valid || busy} onClick={() => void download()}>
          {busy ? t('stock.downloading') : t('stock.download')}
        </Button>
      </div>
      {file.error ? <Alert tone="error">{describeError(i18n, file.error)}</Alert> : null}
      <ReadStatus of={report} />
      {report.data ? (
        <Table<Row>
          caption={t('stock.reportCaption')}
          rowKey={(r) => `${r.orgUnitId}:${r.item}`}
          rows={report.data.rows}
          empty={t('stock.reportEmpty')}
          columns={[
            { key: 'unit', header: t('stock.report.unit'), render: (r) => <bdi>{r.orgUnitName}</bdi> },
            { key: 'item', header: t('stock.report.item'), render: (r) => itemLabel(items, r.item, locale, t) },
            figure('opening'),
            figure('received'),
            figure('transferred'),
            figure('distributed'),
            figure('lossesAdjustments'),
            figure('closing'),
            { key: 'months', header: t('stock.report.monthsOfStock'), className: 'num', render: (r) => monthsLabel(r.monthsOfStock, locale) },
          ]}
        />
      ) : null}
    </Card>
  );
}
