import './privacy-strings.ts';
import type { ReactNode } from 'react';
import type { Locale } from '@relais/core';
import { ErrorAlert } from '../../app/read-status.tsx';
import { I18nProvider, useCatalogue, useI18n } from '../../i18n/i18n.tsx';
import { Loading, Select } from '../../ui/index.ts';

// The pieces of the printed documents of the person's rights and of the register of processing
// (ADR 0026): a titled section, a plain table, the document's language from the address.

export const printLocales: readonly Locale[] = ['fr', 'ar', 'en'];
const noop = () => undefined;

/**
 * A printed document's body: the choice of its language (not printed), the read's failure or
 * loading, then the document drawn in the chosen language whatever the screen's.
 */
export function PrintDocument<T>({ lang, onLang, read, children }: { lang: Locale; onLang: (l: Locale) => void; read: { data?: T | undefined; error?: unknown }; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  // The document's language may not be hers: its catalogue is loaded first (ADR 0043).
  const isLangReady = useCatalogue(lang);
  return (
    <>
      <div className="sa-tools no-print">
        <Select label={t('privacy.language')} value={lang} onChange={(v) => onLang(printLocales.find((l) => l === v) ?? 'fr')} options={printLocales.map((l) => ({ value: l, label: t(`locale.${l}`), lang: l }))} />
      </div>
      <ErrorAlert error={read.error} />
      {(read.data === undefined || !isLangReady) && !read.error ? <Loading label={t('app.loading')} /> : null}
      {read.data !== undefined && isLangReady ? (
        <I18nProvider locale={lang} setLocale={noop}>
          {children(read.data)}
        </I18nProvider>
      ) : null}
    </>
  );
}

/** The document's language: the one asked in the address (`?lang=ar`), else the user's. */
export function exportLocaleOf(search: string, userLocale: Locale): Locale {
  const asked = new URLSearchParams(search).get('lang');
  return printLocales.find((l) => l === asked) ?? userLocale;
}

export function DocSection({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="sa-section">
      <h2 className="sa-sub">{title}</h2>
      {empty ? <p className="sa-small">{t('privacy.none')}</p> : children}
    </section>
  );
}

export function DocList({ head, rows }: { head: string[]; rows: string[][] }) {
  return (
    <table className="sa-table sa-list">
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j}>
                <bdi>{c}</bdi>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
