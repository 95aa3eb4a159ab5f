import { matchesServiceFilter, type ReferralStat } from '@relais/core';
import { getCatalogue, listServices, type ServiceRecordData } from '../../api/endpoints.ts';
import type { IndicatorInfo } from '../../api/indicators.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Button, Code, Dialog, Loading, Table, type Column } from '../../ui/index.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { serviceDetailColumns } from '../capture/service-columns.tsx';
import { formatDay, serviceLabel } from '../capture/service-labels.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { measureFilterOf, referralStatOf, type DrillTarget } from './report-model.ts';
import { ReferralDrillList } from '../referrals/referral-drill.tsx';

/** Services fetched: enough for a cell of a section's month, a page for bigger ones. */
const LIMIT = 200;

interface DrillList {
  items: ServiceRecordData[];
  /** Services matching the unit, dates and services, before the indicator's own field filter. */
  total: number;
  /** More services match than `total` (the server counts up to a bound). */
  totalCapped: boolean;
  fetched: number;
}

/**
 * The services behind a number: the program's services of the cell's unit (and its sub-units),
 * dates and service, kept to those the indicator counts (its services, results, strategies…).
 */
export function DrillDownDialog(props: DrillProps) {
  const stat = referralStatOf(props.indicators, props.target.indicator);
  return stat ? <ReferralDrillDialog {...props} stat={stat} /> : <ServiceDrillDialog {...props} />;
}

interface DrillProps {
  target: DrillTarget;
  /** The number and what it is, in words (indicator, unit, period…). */
  cellText: string;
  indicators: readonly IndicatorInfo[];
  onClose: () => void;
}

/** The referrals behind a referral indicator's number (its unit, its dates, what the statistic counts). */
function ReferralDrillDialog({ target, cellText, onClose, stat }: DrillProps & { stat: ReferralStat }) {
  const { t } = useI18n();
  const ctx = useWorkContext();
  const unit = target.orgUnitCode ? ctx.units.find((n) => n.unit.code === target.orgUnitCode)?.unit : undefined;
  return (
    <Dialog title={t('referrals.drillTitle')} wide onClose={onClose} actions={<Button variant="primary" onClick={onClose}>{t('drill.close')}</Button>}>
      <p className="lead">{cellText}</p>
      {target.orgUnitCode && !unit ? <Alert tone="warning">{t('drill.unitNotVisible')}</Alert> : <ReferralDrillList stat={stat} from={target.from} to={target.to} orgUnitId={unit?.id} />}
    </Dialog>
  );
}

function ServiceDrillDialog({ target, cellText, indicators, onClose }: DrillProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const locale = intlTag(i18n.locale);
  const unit = target.orgUnitCode ? ctx.units.find((n) => n.unit.code === target.orgUnitCode)?.unit : undefined;
  const unitMissing = target.orgUnitCode !== null && !unit;

  const list = useApi(async (): Promise<DrillList | null> => {
    if (unitMissing) return null;
    const filter = measureFilterOf(indicators, target.indicator) ?? {};
    let services: readonly string[] | undefined;
    if (target.service) services = [target.service];
    else if (filter.services === 'reach') {
      const catalogue = await getCatalogue();
      services = catalogue.programs.find((p) => p.code === target.program)?.reach ?? [];
    } else if (filter.services) services = filter.services;
    if (services?.length === 0) return { items: [], total: 0, totalCapped: false, fetched: 0 };
    const page = await listServices({ program: target.program, orgUnitId: unit?.id, service: services?.join(','), from: target.from, to: target.to, limit: LIMIT });
    // The services were fetched by the list above; the indicator's field filters and at-premises are the core rule's.
    const keeps = (s: ServiceRecordData) => matchesServiceFilter({ ...filter, services: undefined }, { ...s, atSite: s.site !== null });
    const items = page.items.filter(keeps).sort((a, b) => b.date.localeCompare(a.date) || a.beneficiary.code.localeCompare(b.beneficiary.code));
    return { items, total: page.total, totalCapped: page.totalCapped, fetched: page.items.length };
  }, [target, unitMissing, unit?.id]);

  const columns: Column<ServiceRecordData>[] = [
    { key: 'date', header: t('field.date'), render: (s) => formatDay(locale, s.date) },
    {
      key: 'code',
      header: t('search.code'),
      render: (s) => (
        <Link to={`/beneficiaries/${s.beneficiary.id}`}>
          <Code>{s.beneficiary.code}</Code>
        </Link>
      ),
    },
    { key: 'service', header: t('field.service'), render: (s) => serviceLabel(i18n, s.service) },
    ...serviceDetailColumns(i18n),
  ];

  const data = list.data;
  const persons = data ? new Set(data.items.map((s) => s.beneficiary.id)).size : 0;
  return (
    <Dialog
      title={t('drill.title')}
      wide
      onClose={onClose}
      actions={
        <Button variant="primary" onClick={onClose}>
          {t('drill.close')}
        </Button>
      }
    >
      <p className="lead">{cellText}</p>
      <p className="field-hint">{t('drill.hint')}</p>
      {unitMissing ? <Alert tone="warning">{t('drill.unitNotVisible')}</Alert> : null}
      <ErrorAlert error={list.error} />
      {list.loading ? <Loading label={t('app.loading')} /> : null}
      {data && !list.loading ? (
        <>
          <p role="status">{t('drill.summary', { services: data.items.length, persons })}</p>
          {data.total > data.fetched ? <Alert tone="info">{t(data.totalCapped ? 'drill.truncatedMore' : 'drill.truncated', { shown: data.fetched, total: data.total })}</Alert> : null}
          <Table caption={t('drill.title')} columns={columns} rows={data.items} rowKey={(s) => s.id} empty={t('drill.none')} />
        </>
      ) : null}
    </Dialog>
  );
}
