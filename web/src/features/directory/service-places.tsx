import type { WeekDay } from '@relais/core';
import type { ServiceData } from '../../api/directory.ts';
import { Card } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PlaceLinks } from './directory-map.tsx';
import { HoursList } from './service-card.tsx';
import { VerifyLine } from './verify-line.tsx';

/** Where the service is given: each place's address, accessibility and hours, and when it was verified. */
export function PlacesCard({ s, days, onVerified }: { s: ServiceData; days: Record<WeekDay, string>; onVerified: () => void }) {
  const { t } = useI18n();
  return (
    <Card title={t('directory.service.where')}>
      {s.locations.length ? (
        <ul className="item-list dir-entries">
          {s.locations.map(({ id, location: l, hours }) => (
            <li key={id} className="dir-entry">
              <h3 className="subheading">
                <bdi>{l.name}</bdi>
              </h3>
              {l.address ? (
                <p className="dir-address">
                  <bdi>{[l.address.address1, l.address.city, l.address.region].filter(Boolean).join(', ')}</bdi>
                </p>
              ) : null}
              {l.confidential ? <p className="tag tag-warning">{t('directory.confidential')}</p> : null}
              <PlaceLinks place={l} />
              {l.accessibility ? (
                <p>
                  <span className="muted">{t('field.accessibility')}</span> · {l.accessibility}
                </p>
              ) : null}
              <HoursList hours={hours} days={days} />
              <VerifyLine resource="location" id={l.id} name={l.name} verification={l.verification} editable={s.editable} onVerified={onVerified} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('directory.service.noLocation')}</p>
      )}
    </Card>
  );
}
