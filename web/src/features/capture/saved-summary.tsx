import type { ServiceRecordData } from '../../api/endpoints.ts';
import { Link } from '../../app/router.tsx';
import { Alert } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import type { FoundPerson } from './person-finder.tsx';
import { formatDay, serviceLine } from './service-labels.ts';
import { definedService } from '../../api/defined-services.ts';
import { LinePictogram } from './low-literacy.tsx';
import { servicePictogram } from './pictograms.ts';

/** What was just saved, for the confirmation. */
export interface Saved {
  person: FoundPerson;
  date: string;
  services: ServiceRecordData[];
  /** Kept in the outbox (no network): sent later. */
  isQueued?: boolean;
}
/** The confirmation of the last save: the person, the date, and each service saved (HIV test with its register number). */
export function SavedSummary({ saved }: { saved: Saved }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Alert tone="success">
      <p>
        <strong>{t('capture.savedTitle', { code: saved.person.code, date: formatDay(intlTag(i18n.locale), saved.date, 'long') })}</strong>
      </p>
      {saved.isQueued ? (
        <p>
          {t('outbox.savedOnDevice')} <Link to="/outbox">{t('outbox.open')}</Link>
        </p>
      ) : null}
      <ul className="saved-services">
        {saved.services.map((s) => (
          <li key={s.id} className="picto-line">
            <LinePictogram name={servicePictogram(s.service, definedService(s.service)?.pictogram)} />
            {serviceLine(i18n, s)}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/beneficiaries/${saved.person.id}`}>{t('capture.openRecordOf', { code: saved.person.code })}</Link>
      </p>
    </Alert>
  );
}
