import './privacy-strings.ts';
import type { Locale } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { PrintActions, useAddressChoice } from '../../app/print-actions.tsx';
import { Page, FactRow } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { vocab } from '../cases/case-labels.ts';
import { getSubjectAccess, type SubjectAccessData } from './privacy-api.ts';
import { DocList as List, DocSection as Section, exportLocaleOf, PrintDocument } from './print-doc.tsx';
import './privacy.css';

/**
 * Everything Relais holds about one person, to print and hand to her (law 09-08 art. 7, ADR 0026),
 * in her language: her record, services, cases, consents, referrals, who read her record and when,
 * the changes made to it. Opening it is audited.
 */
export function SubjectAccessPage({ beneficiaryId }: { beneficiaryId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [lang, choose] = useAddressChoice<Locale>(() => exportLocaleOf(window.location.search, i18n.locale), (l) => `/beneficiaries/${encodeURIComponent(beneficiaryId)}/subject-access?lang=${l}`);
  const data = useApi(() => getSubjectAccess(beneficiaryId), [beneficiaryId]);
  return (
    <Page
      title={t('privacy.subjectAccess')}
      actions={<PrintActions backTo={`/beneficiaries/${encodeURIComponent(beneficiaryId)}`} backLabel={t('privacy.backToRecord')} printLabel={t('referrals.print')} isReady={!!data.data} />}
    >
      <PrintDocument lang={lang} onLang={choose} read={data}>
        {(x) => <Export x={x} />}
      </PrintDocument>
    </Page>
  );
}

function Export({ x }: { x: SubjectAccessData }) {
  const i18n = useI18n();
  const { t } = i18n;
  const p = x.person;
  const d = (s: string | null) => (s ? i18n.formatDate(s) : '—');
  const action = (a: string) => vocab(i18n, 'audit', a);
  return (
    <article className="sa-doc print-doc" lang={i18n.locale} dir={i18n.dir} aria-label={t('privacy.heading', { organisation: x.organisation.name })}>
      <header className="sa-head">
        <p className="sa-heading">{t('privacy.heading', { organisation: x.organisation.name })}</p>
        <p className="sa-small">{t('privacy.generated', { date: d(x.generatedAt) })}</p>
        {x.erasedAt ? <p>{t('privacy.erasedOn', { date: d(x.erasedAt) })}</p> : null}
      </header>
      <Section title={t('privacy.record')} empty={false}>
        <table className="sa-table">
          <tbody>
            <FactRow label={t('field.code')}>
              <bdi dir="ltr">{p.code}</bdi>
              {p.aliases.length ? <> ({p.aliases.join(', ')})</> : null}
            </FactRow>
            <FactRow label={t('field.sex')}>{vocab(i18n, 'sex', p.sex)}</FactRow>
            <FactRow label={t('field.genderIdentity')}>{vocab(i18n, 'gender_identity', p.genderIdentity)}</FactRow>
            <FactRow label={t('field.birthYear')}>{p.birthYear ?? '—'}</FactRow>
            <FactRow label={t('field.populations')}>{p.populations.join(', ') || '—'}</FactRow>
            <FactRow label={t('field.registeredOn')}>{t('privacy.registeredAt', { date: d(p.registeredOn), unit: p.registeredUnit.name })}</FactRow>
            <FactRow label={t('field.profile.maritalStatus')}>{vocab(i18n, 'marital_status', p.profile.maritalStatus)}</FactRow>
            <FactRow label={t('field.profile.schooling')}>{vocab(i18n, 'schooling', p.profile.schooling)}</FactRow>
            <FactRow label={t('field.profile.housing')}>{vocab(i18n, 'housing', p.profile.housing)}</FactRow>
            <FactRow label={t('field.profile.occupation')}>{vocab(i18n, 'occupation', p.profile.occupation)}</FactRow>
            <FactRow label={t('field.profile.childrenInCharge')}>{p.profile.childrenInCharge ?? '—'}</FactRow>
            <FactRow label={t('field.profile.healthCoverage')}>{vocab(i18n, 'health_coverage', p.profile.healthCoverage)}</FactRow>
            <FactRow label={t('field.phone')}>{p.phone ? <bdi dir="ltr">{p.phone}</bdi> : '—'}</FactRow>
            <FactRow label={t('field.contactConsent')}>{p.contactConsent ? t('record.yes') : t('record.no')}</FactRow>
            <FactRow label={t('field.notes')}>{p.notes ? <bdi>{p.notes}</bdi> : '—'}</FactRow>
          </tbody>
        </table>
      </Section>
      <Section title={t('privacy.services', { n: x.services.length })} empty={!x.services.length}>
        <List head={[t('privacy.col.date'), t('privacy.col.service'), t('privacy.col.unit'), t('field.note')]} rows={x.services.map((s) => [d(s.date), `${vocab(i18n, 'service', s.service)} (${vocab(i18n, 'program', s.program)})`, s.unit, s.note ?? ''])} />
      </Section>
      <Section title={t('privacy.cases')} empty={!x.cases.length}>
        <List head={[t('privacy.col.opened'), t('field.program'), t('privacy.col.status'), t('privacy.col.closed'), t('privacy.col.unit')]} rows={x.cases.map((c) => [d(c.openedOn), vocab(i18n, 'program', c.program), vocab(i18n, 'case_status', c.status), d(c.closedOn), c.unit])} />
      </Section>
      <Section title={t('privacy.consents')} empty={!x.consents.length}>
        <List
          head={[t('field.givenOn'), t('privacy.col.to'), t('field.purposes'), t('field.fields'), t('privacy.col.state')]}
          rows={x.consents.map((c) => [
            d(c.givenOn),
            [...c.to.map((o) => o.name), ...c.toServices.map((s) => s.name)].join(', '),
            c.purposes.map((v) => vocab(i18n, 'referrals.purpose', v)).join(', '),
            c.fields.map((v) => vocab(i18n, 'referrals.shared', v)).join(', '),
            c.withdrawnAt ? t('privacy.withdrawnOn', { date: d(c.withdrawnAt) }) : t('privacy.until', { date: d(c.expiresOn) }),
          ])}
        />
      </Section>
      <Section title={t('privacy.referrals')} empty={!x.referrals.length}>
        <List head={[t('privacy.col.date'), t('privacy.col.to'), t('field.need'), t('privacy.col.status')]} rows={x.referrals.map((r) => [d(r.sentOn), r.to, r.need, vocab(i18n, 'referrals.status', r.status)])} />
      </Section>
      <Section title={t('privacy.insertion')} empty={!x.insertion.length}>
        {/* Four columns, as the cases' table: a phone's width holds them. */}
        <List
          head={[t('privacy.col.dates'), t('insertion.kind'), t('privacy.col.unit'), t('field.note')]}
          rows={x.insertion.map((s) => [
            t('privacy.fromTo', { from: d(s.startDate), to: d(s.endDate) }),
            t('privacy.step', { kind: vocab(i18n, 'insertion_step', s.kind), activity: s.activity }) + (s.completed === null ? '' : ` (${t(s.completed ? 'insertion.completed.yes' : 'insertion.completed.no')})`),
            s.unit,
            s.note ?? '',
          ])}
        />
      </Section>
      <Section title={t('privacy.ost')} empty={!x.ost.length}>
        <List
          head={[t('privacy.col.dates'), t('privacy.col.unit'), t('privacy.col.doses'), t('privacy.col.days')]}
          rows={x.ost.map((e) => [
            t('privacy.fromTo', { from: d(e.startDate), to: d(e.endDate) }) + (e.endReason ? ` — ${vocab(i18n, 'ost_end', e.endReason)}` : '') + (e.endNote ? ` (${e.endNote})` : ''),
            `${e.unit} · ${t('ostForm.prescribedBy', { name: e.prescriber })}`,
            e.doses.map((x) => t('ostForm.doseFrom', { dose: x.doseMg, date: d(x.fromDate) })).join(' ; '),
            t('privacy.ostDays', { onSite: e.daysOnSite, away: e.daysTakenAway, missed: e.daysMissed }),
          ])}
        />
      </Section>
      <Section title={t('privacy.stories')} empty={false}>
        <p>{t('privacy.storyCount', { n: x.stories })}</p>
        <p>{t('privacy.voiceNoteCount', { n: x.voiceNotes })}</p>
      </Section>
      <Section title={t('privacy.reads')} empty={!x.reads.length}>
        <List head={[t('privacy.col.when'), t('privacy.col.who'), t('privacy.col.what')]} rows={x.reads.map((e) => [i18n.formatDateTime(e.at), e.by ?? t('privacy.system'), action(e.action)])} />
      </Section>
      <Section title={t('privacy.changes')} empty={!x.changes.length}>
        <List head={[t('privacy.col.when'), t('privacy.col.who'), t('privacy.col.what')]} rows={x.changes.map((e) => [i18n.formatDateTime(e.at), e.by ?? t('privacy.system'), `${action(e.action)}${e.fields.length ? ` (${e.fields.map((f) => vocab(i18n, 'field', f)).join(', ')})` : ''}`])} />
      </Section>
      <footer className="sa-foot">
        <p>{t('privacy.yourRights')}</p>
      </footer>
    </article>
  );
}
