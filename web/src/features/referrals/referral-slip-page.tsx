import type { ConsentField } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { PrintActions, useAddressChoice } from '../../app/print-actions.tsx';
import { Loading, Page, Select, FactRow } from '../../ui/index.ts';
import { I18nProvider, useCatalogue, useI18n } from '../../i18n/i18n.tsx';
import { vocab } from '../cases/case-labels.ts';
import { receiverName } from './referral-labels.ts';
import { getReferral, type ReferralData } from './referrals-api.ts';
import './referrals.css';

type SlipLocale = 'fr' | 'ar';
const noop = () => undefined;

/** The slip's language: the one asked in the address (`?lang=ar`), else the user's (French for English). */
export function slipLocaleOf(search: string, userLocale: string): SlipLocale {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'fr' || asked === 'ar') return asked;
  return userLocale === 'ar' ? 'ar' : 'fr';
}

/**
 * The referral slip (fiche de liaison) to print for a receiver not on Relais, in French or in
 * Arabic: the reference, who sends to whom, when, how urgent, the need, the accompaniment and of
 * the person only the fields her consent shares with that receiver; a part the receiver fills in
 * and sends back, so that the sender records the outcome by hand.
 */
export function ReferralSlipPage({ referralId }: { referralId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [lang, choose] = useAddressChoice<SlipLocale>(() => slipLocaleOf(window.location.search, i18n.locale), (l) => `/referrals/${encodeURIComponent(referralId)}/slip?lang=${l}`);
  const referral = useApi(() => getReferral(referralId), [referralId]);
  const r = referral.data;
  const error = referral.error;
  // The slip's language may not be hers: its catalogue is loaded first (ADR 0043).
  const isLangReady = useCatalogue(lang);
  const ready = r && isLangReady;
  return (
    <Page
      title={r ? t('referrals.slipTitle', { reference: r.reference }) : t('referrals.slip')}
      actions={<PrintActions backTo={`/referrals/${encodeURIComponent(referralId)}`} backLabel={t('referrals.backToReferral')} printLabel={t('referrals.print')} isReady={!!ready} />}
    >
      <div className="ref-slip-tools no-print">
        <Select label={t('referrals.slipLanguage')} value={lang} onChange={(v) => choose(v === 'ar' ? 'ar' : 'fr')} options={(['fr', 'ar'] as const).map((l) => ({ value: l, label: t(`locale.${l}`), lang: l }))} />
      </div>
      <ErrorAlert error={error} />
      {!ready && !error ? <Loading label={t('app.loading')} /> : null}
      {ready ? (
        <I18nProvider locale={lang} setLocale={noop}>
          <Slip r={r} shared={r.side === 'sender' ? new Set(r.sharedFields ?? []) : null} />
        </I18nProvider>
      ) : null}
    </Page>
  );
}

/** `shared`: the consented fields (the sender's view has them all); null for the receiver, whose view holds only those already. */
function Slip({ r, shared }: { r: ReferralData; shared: Set<ConsentField> | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const may = (f: ConsentField) => shared === null || shared.has(f);
  const p = r.person;
  const blank = <span className="ref-slip-blank" aria-hidden="true" />;
  return (
    <article className="ref-slip print-doc" lang={i18n.locale} dir={i18n.dir} aria-label={t('referrals.slipHeading')}>
      <header className="ref-slip-head">
        <p className="ref-slip-heading">{t('referrals.slipHeading')}</p>
        <p>
          {t('directory.labelled', { label: t('referrals.reference') })} <bdi dir="ltr" className="ref-slip-ref">{r.reference}</bdi>
        </p>
      </header>
      <table className="ref-slip-table">
        <tbody>
          <FactRow label={t('referrals.from')}>
            <bdi>{r.from.name}</bdi>
          </FactRow>
          <FactRow label={t('referrals.to')}>
            <bdi>{receiverName(r)}</bdi>
          </FactRow>
          <FactRow label={t('referrals.sentOnLabel')}>{i18n.formatDate(r.sentOn)}</FactRow>
          <FactRow label={t('field.urgency')}>{t(`referrals.urgency.${r.urgency}`)}</FactRow>
          {may('need') && r.need ? (
            <FactRow label={t('field.need')}>
              <bdi>{r.need}</bdi>
            </FactRow>
          ) : null}
          <FactRow label={t('field.accompanied')}>{r.accompanied ? t('record.yes') : t('record.no')}</FactRow>
          {r.interpretation ? (
            <FactRow label={t('field.interpretation')}>
              <bdi>{r.interpretation}</bdi>
            </FactRow>
          ) : null}
        </tbody>
      </table>
      <h2 className="ref-slip-sub">{t('referrals.person')}</h2>
      <table className="ref-slip-table">
        <tbody>
          {may('code') && p.code ? (
            <FactRow label={t('field.code')}>
              <bdi dir="ltr">{p.code}</bdi>
            </FactRow>
          ) : null}
          {may('sex') && p.sex ? <FactRow label={t('field.sex')}>{vocab(i18n, 'sex', p.sex)}</FactRow> : null}
          {may('birth_year') && p.birthYear ? <FactRow label={t('field.birthYear')}>{p.birthYear}</FactRow> : null}
          {may('phone') && p.phone ? (
            <FactRow label={t('field.phone')}>
              <bdi dir="ltr">{p.phone}</bdi>
            </FactRow>
          ) : null}
          {may('case_summary') && r.caseSummary ? (
            <FactRow label={t('referrals.shared.case_summary')}>
              {t('referrals.caseSummary', { program: vocab(i18n, 'program', r.caseSummary.program), date: i18n.formatDate(r.caseSummary.openedOn) })}
            </FactRow>
          ) : null}
          {may('notes') && r.note ? (
            <FactRow label={t('field.note')}>
              <bdi>{r.note}</bdi>
            </FactRow>
          ) : null}
        </tbody>
      </table>
      <p className="ref-slip-small">{t('referrals.slipConsent')}</p>
      <div className="ref-slip-sign">
        <p>{t('referrals.slipSender')}</p>
        {blank}
      </div>
      <section className="ref-slip-return" aria-label={t('referrals.slipReturn')}>
        <h2 className="ref-slip-sub">{t('referrals.slipReturn')}</h2>
        <p className="ref-slip-small">{t('referrals.slipReturnHint', { reference: r.reference })}</p>
        <p>☐ {t('referrals.slipGiven')} {blank}</p>
        <p>☐ {t('referrals.slipNotGiven')} {blank}</p>
        <p>{t('referrals.slipReceiverSign')} {blank}</p>
      </section>
      <footer className="ref-slip-foot">
        <p>{t('referrals.slipPrinted', { date: i18n.formatDate(new Date().toISOString()) })}</p>
      </footer>
    </article>
  );
}
