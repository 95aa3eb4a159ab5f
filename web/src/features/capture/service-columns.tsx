import type { ServiceRecordData } from '../../api/endpoints.ts';
import type { Column } from '../../ui/index.ts';
import type { I18n } from '../../i18n/i18n.tsx';
import { detailParts } from './service-labels.ts';

/** The columns every list of services shows after the service: its details, who gave it, and where. */
export function serviceDetailColumns(i18n: I18n): Column<ServiceRecordData>[] {
  const { t } = i18n;
  return [
    { key: 'details', header: t('capture.details'), render: (s) => detailParts(i18n, s).join(' · ') || '—' },
    { key: 'worker', header: t('field.workerId'), render: (s) => (s.worker ? <bdi>{s.worker.displayName}</bdi> : <span className="muted">{t('worker.not_recorded')}</span>) },
    {
      key: 'place',
      header: t('capture.unit'),
      render: (s) => (
        <bdi>
          {s.orgUnit.name}
          {s.site ? ` — ${s.site.name}` : ''}
        </bdi>
      ),
    },
  ];
}
