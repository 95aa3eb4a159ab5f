import './privacy-strings.ts';
import type { Locale, ProcessingRegister } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { PrintActions, useAddressChoice } from '../../app/print-actions.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Page } from '../../ui/index.ts';
import { vocab } from '../cases/case-labels.ts';
import { getProcessingRegister } from './privacy-api.ts';
import { DocList, DocSection, exportLocaleOf, PrintDocument } from './print-doc.tsx';
import './privacy.css';

/**
 * The register of processing (law 09-08 art. 12 and 15; issue 18 item 14): what the organisation
 * processes, about whom, for what, sent to whom, kept how long, protected how — generated from its
 * configuration, to print for the CNDP declaration, in French, Arabic or English.
 */
export function ProcessingRegisterPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [lang, choose] = useAddressChoice<Locale>(() => exportLocaleOf(window.location.search, i18n.locale), (l) => `/privacy/register?lang=${l}`);
  const data = useApi(getProcessingRegister, []);
  return (
    <Page
      title={t('privacy.register')}
      actions={<PrintActions backTo="/privacy" backLabel={t('privacy.page')} printLabel={t('referrals.print')} isReady={!!data.data} />}
    >
      <PrintDocument lang={lang} onLang={choose} read={data}>
        {(r) => <Register r={r} />}
      </PrintDocument>
    </Page>
  );
}

function Register({ r }: { r: ProcessingRegister }) {
  const i18n = useI18n();
  const { t } = i18n;
  const months = (m: number | null) => (m === null ? t('privacy.keptWhileRecord') : t('privacy.months', { n: m }));
  const s = r.security;
  const measures = [
    t('privacy.measure.pseudonym'),
    t('privacy.measure.encryption'),
    t('privacy.measure.access'),
    t('privacy.measure.audit'),
    t('privacy.measure.passwords'),
    s.secondFactorRequiredForAdministrators ? t('privacy.measure.secondFactorRequired', { n: s.usersWithSecondFactor, total: s.activeUsers }) : t('privacy.measure.secondFactorOptional', { n: s.usersWithSecondFactor, total: s.activeUsers }),
    s.retentionJob ? t('privacy.measure.retentionOn') : t('privacy.measure.retentionOff'),
    t('privacy.measure.backups'),
  ];
  return (
    <article className="sa-doc print-doc" lang={i18n.locale} dir={i18n.dir} aria-label={t('privacy.registerHeading', { organisation: r.organisation.name })}>
      <header className="sa-head">
        <p className="sa-heading">{t('privacy.registerHeading', { organisation: r.organisation.name })}</p>
        <p className="sa-small">{t('privacy.registerGenerated', { date: i18n.formatDate(r.generatedAt) })}</p>
      </header>
      <DocSection title={t('privacy.controller')} empty={false}>
        <p>
          <bdi>{r.organisation.name}</bdi> (<bdi dir="ltr">{r.organisation.code}</bdi>)
        </p>
      </DocSection>
      <DocSection title={t('privacy.purposes')} empty={false}>
        <ul className="rp-list">
          {r.programs.map((p) => (
            <li key={p}>{t('privacy.purpose.program', { program: vocab(i18n, 'program', p) })}</li>
          ))}
          {r.purposes.map((p) => (
            <li key={p}>{t(`privacy.purpose.${p}`)}</li>
          ))}
        </ul>
      </DocSection>
      <DocSection title={t('privacy.persons')} empty={false}>
        <p>{r.populations.map((p) => vocab(i18n, 'population', p)).join(' · ')}</p>
        <p className="sa-small">{t('privacy.personCounts', { persons: r.counts.persons, erased: r.counts.erased })}</p>
      </DocSection>
      <DocSection title={t('privacy.categories')} empty={false}>
        <DocList head={[t('privacy.col.category'), t('privacy.col.retention')]} rows={r.categories.map((c) => [c.sensitive ? `${t(`privacy.category.${c.category}`)} · ${t('privacy.sensitiveMark')}` : t(`privacy.category.${c.category}`), months(c.retentionMonths)])} />
        <p className="sa-small">{t('privacy.sensitiveNote')}</p>
      </DocSection>
      <DocSection title={t('privacy.recipients')} empty={false}>
        {r.recipients.length ? (
          <DocList head={[t('privacy.col.to'), t('privacy.col.kind'), t('privacy.col.referrals')]} rows={r.recipients.map((x) => [x.name, t(`privacy.recipientKind.${x.kind}`), String(x.referrals)])} />
        ) : (
          <p>{t('privacy.noRecipients')}</p>
        )}
        <p className="sa-small">{t('privacy.consentRule')}</p>
        <p className="sa-small">{r.dhis2Mapped ? t('privacy.aggregateDhis2') : t('privacy.aggregateOnly')}</p>
        <p className="sa-small">{t('privacy.noTransfer')}</p>
      </DocSection>
      <DocSection title={t('privacy.processors')} empty={!r.roles.length}>
        <DocList head={[t('privacy.col.role'), t('privacy.col.users')]} rows={r.roles.map((x) => [vocab(i18n, 'role', x.role), String(x.users)])} />
      </DocSection>
      <DocSection title={t('privacy.security')} empty={false}>
        <ul className="rp-list">
          {measures.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </DocSection>
      <footer className="sa-foot">
        <p>{t('privacy.registerRights')}</p>
      </footer>
    </article>
  );
}
