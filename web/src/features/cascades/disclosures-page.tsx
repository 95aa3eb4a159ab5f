import { useState } from 'react';
import { DISCLOSURE_CIRCUIT_DAYS } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Alert, Button, Page } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { programLabel } from '../../i18n/labels.ts';
import { vocab } from '../cases/case-labels.ts';
import { listDisclosures, type DisclosureData } from './cascades-api.ts';
import { CircuitEntryForm } from './circuit-entry-form.tsx';
import './cascades.css';

/** The worklist of disclosures: waiting ones first (how long, red after 7 days), then those that entered the circuit. */
export function DisclosuresPage() {
  const { t } = useI18n();
  const canWrite = useCan('service.write');
  const list = useApi(() => listDisclosures({ status: 'any' }), []);
  const [entered, setEntered] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const waiting = items.filter((d) => d.entry === null);
  const done = items.filter((d) => d.entry !== null);
  const onEntered = () => {
    setEntered(t('disclosures.enteredOk'));
    list.reload();
  };
  return (
    <Page title={t('disclosures.title')} intro={t('disclosures.intro')} actions={canWrite ? <Link to="/disclosures/new">{t('disclosures.new')}</Link> : null}>
      <ReadStatus of={list} />
      {entered ? <Alert tone="success">{entered}</Alert> : null}
      {list.data && items.length === 0 ? <p>{t('disclosures.none')}</p> : null}
      <DisclosureSection title={t('disclosures.waiting')} items={waiting} onEntered={onEntered} />
      <DisclosureSection title={t('disclosures.entered')} items={done} onEntered={onEntered} />
    </Page>
  );
}

/** A titled list of disclosure cards; nothing when there are none. */
function DisclosureSection({ title, items, onEntered }: { title: string; items: readonly DisclosureData[]; onEntered: () => void }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul className="card-grid card-grid-wide">
        {items.map((d) => (
          <DisclosureCard key={d.id} d={d} onEntered={onEntered} />
        ))}
      </ul>
    </section>
  );
}

function DisclosureCard({ d, onEntered }: { d: DisclosureData; onEntered: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const who = d.person
    ? t('disclosures.person', { code: d.person.code })
    : [d.sex ? t(`sex.${d.sex}`) : null, d.ageGroup ? vocab(i18n, 'age_group', d.ageGroup) : null].filter(Boolean).join(' · ') || t('disclosures.anonymous');
  const late = d.waitingDays !== null && d.waitingDays > DISCLOSURE_CIRCUIT_DAYS;
  return (
    <li className="card casc-card">
      <h3 className="casc-card-title">
        {i18n.formatDate(d.date)} · <bdi>{who}</bdi>
      </h3>
      <p className="muted">
        {programLabel(t, d.program)} · <bdi>{d.orgUnit.name}</bdi>
        {d.violenceType ? ` · ${vocab(i18n, 'violence_type', d.violenceType)}` : ''}
      </p>
      {d.session ? <p className="small">{t('disclosures.atSession', { date: i18n.formatDate(d.session.date), theme: d.session.theme })}</p> : null}
      {d.note ? (
        <p className="small">
          <bdi>{d.note}</bdi>
        </p>
      ) : null}
      {d.entry === null ? (
        <>
          <p className={late ? 'casc-late' : undefined}>{t('disclosures.waitingDays', { n: d.waitingDays ?? 0 })}</p>
          {open ? (
            <CircuitEntryForm disclosure={d} onEntered={onEntered} />
          ) : (
            <Button onClick={() => setOpen(true)}>{t('disclosures.enter')}</Button>
          )}
        </>
      ) : (
        <p>
          {t('disclosures.enteredLine', { entry: t(`circuit_entry.${d.entry}`), date: d.enteredOn ? i18n.formatDate(d.enteredOn) : '' })}
          {d.service ? <> · {t('disclosures.to', { name: d.service.name })}</> : null}
          {d.caseId ? (
            <>
              {' · '}
              <Link to={`/cases/${encodeURIComponent(d.caseId)}`}>{t('disclosures.byCase')}</Link>
            </>
          ) : null}
          {' · '}
          <strong className={d.inTime ? undefined : 'casc-late'}>{d.inTime ? t('disclosures.inTime') : t('disclosures.late')}</strong>
        </p>
      )}
    </li>
  );
}
