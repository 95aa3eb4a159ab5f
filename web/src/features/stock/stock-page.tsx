import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { useCan } from '../../app/session.tsx';
import { ReadStatus } from '../../app/read-status.tsx';
import { Card, Page, Select, Table } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { listStockItems, stockOnHand, type StockOnHandData } from './stock-api.ts';
import { itemLabel, monthsLabel, unitOptions } from './stock-labels.ts';
import { StockMovementForm } from './stock-movement-form.tsx';
import { StockReportCard } from './stock-report.tsx';
import './stock.css';

const EXPIRY_DAYS = 90;

/** Stock on hand per unit with its alerts, recording a movement (stock.manage) and the monthly report. */
export function StockPage() {
  const { t, locale, formatDate } = useI18n();
  const ctx = useWorkContext();
  const canMove = useCan('stock.manage');
  const [unitId, setUnitId] = useState('');
  const [tick, setTick] = useState(0);
  const items = useApi(() => listStockItems(), []);
  const onHand = useApi(() => stockOnHand(unitId, EXPIRY_DAYS), [unitId, tick]);
  const units = ctx.units.filter((n) => n.unit.active);
  const label = (code: string) => itemLabel(items.data?.items ?? [], code, locale, t);
  type Row = StockOnHandData['rows'][number];
  const alert = (r: Row) => (r.isNegative ? 'negative' : r.isBelowThreshold ? 'low' : 'ok');

  return (
    <Page title={t('stock.title')} intro={t('stock.intro')}>
      <div className="stock-filters">
        <Select
          label={t('stock.unit')}
          value={unitId}
          onChange={setUnitId}
          options={[{ value: '', label: t('stock.allUnits') }, ...unitOptions(units)]}
        />
      </div>
      <Card title={t('stock.onHand')}>
        <ReadStatus of={onHand} />
        {onHand.data ? (
          <Table<Row>
            caption={t('stock.onHandCaption')}
            rowKey={(r) => `${r.orgUnitId}:${r.item}`}
            rows={onHand.data.rows}
            empty={t('stock.none')}
            columns={[
              { key: 'unit', header: t('stock.unit'), render: (r) => <bdi>{r.orgUnitName}</bdi> },
              { key: 'item', header: t('stock.report.item'), render: (r) => label(r.item) },
              { key: 'onHand', header: t('stock.quantity'), className: 'num', render: (r) => <span className={r.isNegative ? 'stock-negative' : undefined}>{r.onHand.toLocaleString(locale === 'ar' ? 'ar-MA' : locale)}</span> },
              { key: 'months', header: t('stock.months'), className: 'num', render: (r) => monthsLabel(r.monthsOfStock, locale) },
              { key: 'alert', header: t('stock.alerts'), render: (r) => <span className={`stock-badge stock-badge-${alert(r)}`}>{t(`stock.${alert(r)}`)}</span> },
            ]}
          />
        ) : null}
      </Card>
      {onHand.data ? (
        <Card title={t('stock.expiring', { days: EXPIRY_DAYS })}>
          {onHand.data.expiring.length === 0 ? <p>{t('stock.noExpiring')}</p> : null}
          <ul className="stock-expiring">
            {onHand.data.expiring.map((e) => (
              <li key={`${e.orgUnitId}:${e.item}:${e.lot ?? ''}:${e.expiresOn}`}>
                {t('stock.expiringLine', { item: label(e.item), lot: e.lot ?? t('stock.noLot'), unit: e.orgUnitName, date: formatDate(e.expiresOn) })}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {canMove && items.data ? <StockMovementForm items={items.data.items} units={units} onSaved={() => setTick((n) => n + 1)} /> : null}
      <StockReportCard unitId={unitId} items={items.data?.items ?? []} />
    </Page>
  );
}
