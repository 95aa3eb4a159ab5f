import type { WeekDay } from '@relais/core';
import type { ServiceSummaryData } from '../../api/directory.ts';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { dirVocab, formatHours, telHref, verificationLine } from './directory-labels.ts';

/** What qualifies a name (a focal point's title, who verified), muted after it: nothing when there is none. */
export function MutedAside({ text }: { text: string | null | undefined }) {
  return text ? (
    <span className="muted">
      {' '}
      · <bdi>{text}</bdi>
    </span>
  ) : null;
}

/** Phone numbers as `tel:` links, read left to right in any language. */
export function PhoneLinks({ numbers }: { numbers: readonly string[] }) {
  return (
    <>
      {numbers.map((n, i) => (
        <span key={`${n}-${i}`}>
          {i > 0 ? ' · ' : null}
          <a href={telHref(n)} className="dir-phone" dir="ltr">
            {n}
          </a>
        </span>
      ))}
    </>
  );
}

/** Weekly hours, one line per group of days sharing the same openings. */
export function HoursList({ hours, days }: { hours: readonly { byDay: readonly WeekDay[]; opensAt: string; closesAt: string }[]; days: Record<WeekDay, string> }) {
  const { t } = useI18n();
  const lines = formatHours(hours, days);
  if (!lines.length) return <span className="muted">{t('directory.noHours')}</span>;
  return (
    <ul className="plain-list dir-hours">
      {lines.map((l) => (
        <li key={l.days}>
          <span className="dir-days">{l.days}</span> <bdi dir="ltr">{l.times}</bdi>
        </li>
      ))}
    </ul>
  );
}

/** "Ouvert maintenant" / "Fermé maintenant", and "À vérifier" (with the date last verified) for a stale entry. */
export function EntryMarks({ openNow, hasHours, stale, verifiedAt, status }: { openNow: boolean; hasHours: boolean; stale: boolean; verifiedAt: string | null; status: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <ul className="chips">
      {status !== 'active' ? <li className="tag tag-danger">{dirVocab(i18n, 'status', status)}</li> : null}
      {status === 'active' && hasHours ? <li className={openNow ? 'tag tag-ok' : 'tag tag-off'}>{openNow ? t('directory.open') : t('directory.closed')}</li> : null}
      {stale ? (
        <li className="tag tag-warning" title={verificationLine(i18n, { verifiedAt, stale })}>
          {verificationLine(i18n, { verifiedAt, stale })}
        </li>
      ) : null}
    </ul>
  );
}

/** A found service, enough to call and go there: name, organisation, type, cities, phones, focal points, hours. */
export function ServiceCard({ s, typeLabel, days }: { s: ServiceSummaryData; typeLabel: string; days: Record<WeekDay, string> }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <li className={s.stale ? 'card dir-card dir-stale' : 'card dir-card'}>
      <h3 className="dir-card-title">
        <Link to={`/directory/services/${encodeURIComponent(s.id)}`} aria-label={t('directory.openService', { name: s.name })}>
          <bdi>{s.name}</bdi>
        </Link>
      </h3>
      <p className="dir-card-sub">
        <bdi>{s.organization.name}</bdi> · {typeLabel} · {dirVocab(i18n, 'cost', s.cost)}
      </p>
      <EntryMarks openNow={s.openNow} hasHours={s.hours.length > 0} stale={s.stale} verifiedAt={s.verifiedAt} status={s.status} />
      <dl className="dir-facts">
        {s.cities.length ? (
          <>
            <dt>{t('directory.cities')}</dt>
            <dd>
              <bdi>{s.cities.join(', ')}</bdi>
            </dd>
          </>
        ) : null}
        <dt>{t('directory.phones')}</dt>
        <dd>{s.phones.length ? <PhoneLinks numbers={s.phones} /> : <span className="muted">{t('directory.noPhone')}</span>}</dd>
        {s.focalPoints.length ? (
          <>
            <dt>{t('directory.focalPoints')}</dt>
            <dd>
              <ul className="plain-list">
                {s.focalPoints.map((f, i) => (
                  <li key={`${f.name}-${i}`}>
                    <bdi>{f.name}</bdi>
                    <MutedAside text={f.title} />
                    {f.phones.length ? (
                      <div>
                        <PhoneLinks numbers={f.phones} />
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('directory.hours')}</dt>
        <dd>
          <HoursList hours={s.hours} days={days} />
        </dd>
      </dl>
    </li>
  );
}
