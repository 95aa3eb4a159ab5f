import { useState } from 'react';
import type { WeekDay } from '@relais/core';
import { getDirectorySettings, searchServices, type ServiceSummaryData } from '../../api/directory.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { PrintActions } from '../../app/print-actions.tsx';
import { Alert, Loading, Page } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { dirVocab, groupByType, territoryName, verificationLine } from './directory-labels.ts';
import { HoursList, PhoneLinks } from './service-card.tsx';
import { useDirectoryVocab } from './use-directory-vocab.ts';
import './directory.css';
import './directory-print.css';

/** The most services one printed directory holds (the API's page limit). */
const PRINT_LIMIT = 500;

/**
 * A territory's directory to print (A4): its services grouped by type, with phones, focal
 * points and hours, stale entries marked, and the day it was printed. French or Arabic (RTL).
 */
export function PrintPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [territory] = useState(() => new URLSearchParams(window.location.search).get('territory') ?? '');
  const vocab = useDirectoryVocab();
  const settings = useApi(() => getDirectorySettings(), []);
  const services = useApi(() => (territory ? searchServices({ territory, limit: PRINT_LIMIT }) : Promise.resolve(null)), [territory]);
  const place = vocab.territories?.find((x) => x.code === territory);
  const title = t('directory.printPage.title', { territory: place ? territoryName(place.name, i18n.locale) : territory });
  const backTo = territory ? `/directory?territory=${encodeURIComponent(territory)}` : '/directory';

  if (!territory) {
    return (
      <Page title={t('directory.title')} actions={<Link to={backTo}>{t('directory.service.back')}</Link>}>
        <Alert tone="info">{t('directory.printPage.chooseTerritory')}</Alert>
      </Page>
    );
  }
  const data = services.data;
  const error = services.error ?? vocab.error;
  return (
    <Page
      title={title}
      actions={<PrintActions backTo={backTo} backLabel={t('directory.service.back')} printLabel={t('directory.printPage.print')} isReady={!!data} />}
    >
      {error ? <Alert tone="error">{describeError(i18n, error)}</Alert> : null}
      {!data && !error ? <Loading label={t('app.loading')} /> : null}
      {data && vocab.terms ? (
        <article className="dir-print print-doc" aria-label={title}>
          <header className="dir-print-head">
            <p className="dir-print-heading">{title}</p>
            <p>{t('directory.printPage.printedOn', { date: i18n.formatDate(new Date().toISOString()) })}</p>
            {settings.data ? <p>{t('directory.printPage.staleNote', { months: settings.data.staleAfterMonths })}</p> : null}
          </header>
          {data.total > data.items.length ? <Alert tone="warning">{t('directory.printPage.truncated', { n: data.items.length })}</Alert> : null}
          {data.items.length === 0 ? <p>{t('directory.none')}</p> : null}
          {groupByType(data.items, vocab.terms, i18n.locale).map((g) => (
            <section key={g.type} className="dir-print-group" aria-labelledby={`print-${g.type}`}>
              <h2 id={`print-${g.type}`} className="dir-print-type">
                {g.label}
              </h2>
              <ul className="dir-print-list">
                {g.services.map((s) => (
                  <PrintedService key={s.id} s={s} days={vocab.days} />
                ))}
              </ul>
            </section>
          ))}
        </article>
      ) : null}
    </Page>
  );
}

export function PrintedService({ s, days }: { s: ServiceSummaryData; days: Record<WeekDay, string> }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <li className={s.stale ? 'dir-print-item dir-stale' : 'dir-print-item'}>
      <h3 className="dir-print-name">
        <bdi>{s.name}</bdi>
        {s.stale ? <span className="tag tag-warning">{t('directory.stale')}</span> : null}
      </h3>
      <p className="dir-print-sub">
        <bdi>{s.organization.name}</bdi>
        {s.cities.length ? <> · {s.cities.join(', ')}</> : null} · {dirVocab(i18n, 'cost', s.cost)}
        {s.status !== 'active' ? <> · {dirVocab(i18n, 'status', s.status)}</> : null}
      </p>
      <p>
        <span className="dir-print-label">{t('directory.labelled', { label: t('directory.phones') })}</span> {s.phones.length ? <PhoneLinks numbers={s.phones} /> : t('directory.noPhone')}
      </p>
      {s.focalPoints.map((f, i) => (
        <p key={`${f.name}-${i}`}>
          <span className="dir-print-label">{t('directory.labelled', { label: t('directory.resource.contact') })}</span> <bdi>{f.name}</bdi>
          {f.title ? (
            <>
              {' '}
              · <bdi>{f.title}</bdi>
            </>
          ) : null}
          {f.phones.length ? (
            <>
              {' '}
              · <PhoneLinks numbers={f.phones} />
            </>
          ) : null}
        </p>
      ))}
      <div className="dir-print-hours">
        <span className="dir-print-label">{t('directory.labelled', { label: t('directory.hours') })}</span> <HoursList hours={s.hours} days={days} />
      </div>
      {s.stale ? <p className="small">{verificationLine(i18n, { verifiedAt: s.verifiedAt, stale: true })}</p> : null}
    </li>
  );
}
