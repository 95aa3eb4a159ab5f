import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogues as coreCatalogues, directionOf, interpolate, type Locale, type MessageKey } from '@relais/core';
import { DocumentTitleSuffix } from '../ui/index.ts';
import { chunkText, type ChunkStrings } from './chunk-strings.ts';
import { isCoreCatalogueLoaded, loadCoreCatalogue } from './core-catalogues.ts';
import type { WebCatalogue, WebKey } from './fr.ts';

/**
 * Each language's web catalogue is a chunk of its own, loaded before the app shows anything in
 * that language (`loadCatalogue`): a device downloads only its language's strings, not the three
 * (ADR 0043). The service worker precaches the three, so a language can be chosen offline.
 */
const catalogueLoaders: Record<Locale, () => Promise<WebCatalogue>> = {
  fr: () => import('./fr.ts').then((m) => m.fr),
  ar: () => import('./ar.ts').then((m) => m.ar),
  en: () => import('./en.ts').then((m) => m.en),
};
const webCatalogues: Partial<Record<Locale, WebCatalogue>> = {};

/** Loads a language's catalogues, web and core (once); `createI18n` needs them. */
export async function loadCatalogue(locale: Locale): Promise<void> {
  const [web] = await Promise.all([webCatalogues[locale] ?? catalogueLoaders[locale](), loadCoreCatalogue(locale)]);
  webCatalogues[locale] = web;
}

/** Are this language's catalogues loaded? */
function isCatalogueLoaded(locale: Locale): boolean {
  return webCatalogues[locale] !== undefined && isCoreCatalogueLoaded(locale);
}

/**
 * A language other than hers on a screen (a poster, a referral slip): true once its catalogues
 * are loaded (they are asked for here; the service worker keeps the three).
 */
export function useCatalogue(locale: Locale): boolean {
  const [, setLoads] = useState(0);
  useEffect(() => {
    if (isCatalogueLoaded(locale)) return;
    let isCurrent = true;
    loadCatalogue(locale).then(
      () => {
        if (isCurrent) setLoads((n) => n + 1);
      },
      (error: unknown) => console.error(`the ${locale} catalogue could not load`, error),
    );
    return () => {
      isCurrent = false;
    };
  }, [locale]);
  return isCatalogueLoaded(locale);
}

/**
 * Strings of screens in lazy chunks, added when their chunk loads (`addLazyStrings`): they stay out
 * of the field entry's budget (ADR 0025, 0041). Their keys are typed in `WebKey` all the same.
 */
const lazyCatalogues: Record<Locale, Record<string, string>> = { fr: {}, ar: {}, en: {} };

/** Adds a lazy chunk's strings (French, Arabic, English): call it at the top of the chunk's module. */
export function addLazyStrings(strings: Record<Locale, Record<string, string>>): void {
  for (const locale of Object.keys(lazyCatalogues) as Locale[]) Object.assign(lazyCatalogues[locale], strings[locale]);
}

/** Any translatable key: a web key first, then a core key. */
export type TKey = WebKey | MessageKey;
export type Params = Record<string, string | number>;

export interface I18n {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  /** Translates a web or core key. */
  t: (key: TKey, params?: Params) => string;
  /** Is this (run-time built) key known, e.g. `audit.<action>`? */
  has: (key: string) => key is TKey;
  /** Changes the interface language (persisted by the app). */
  setLocale: (locale: Locale) => void;
  formatDateTime: (iso: string) => string;
  formatDate: (iso: string) => string;
}

/** BCP 47 tag for formatting: Moroccan Arabic keeps Latin digits, common in the field. */
export function intlTag(locale: Locale): string {
  return locale === 'ar' ? 'ar-MA' : locale === 'en' ? 'en-GB' : 'fr-MA';
}

/** Builds the translation functions of one language (usable outside React too), its catalogue loaded. */
export function createI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  const web = webCatalogues[locale];
  if (!web || !isCatalogueLoaded(locale)) throw new Error(`i18n: the ${locale} catalogue is not loaded (loadCatalogue)`);
  const core = coreCatalogues[locale];
  const lazy = lazyCatalogues[locale];
  // The three catalogues have the same keys (the type checker keeps them in step).
  const has = (key: string): key is TKey => Object.hasOwn(web, key) || Object.hasOwn(lazyCatalogues.fr, key) || Object.hasOwn(core, key);
  const t = (key: TKey, params?: Params): string => {
    const template = Object.hasOwn(web, key) ? web[key as keyof WebCatalogue] : Object.hasOwn(lazy, key) ? (lazy[key] ?? key) : Object.hasOwn(core, key) ? core[key as MessageKey] : key;
    return interpolate(template, params);
  };
  const dateTime = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long' });
  const safe = (fmt: Intl.DateTimeFormat, iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : fmt.format(d);
  };
  return {
    locale,
    dir: directionOf(locale),
    t,
    has,
    setLocale,
    formatDateTime: (iso) => safe(dateTime, iso),
    formatDate: (iso) => safe(date, iso),
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, setLocale, children }: { locale: Locale; setLocale: (l: Locale) => void; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale, setLocale), [locale, setLocale]);
  return (
    <I18nContext.Provider value={value}>
      <DocumentTitleSuffix.Provider value={value.t('app.name')}>{children}</DocumentTitleSuffix.Provider>
    </I18nContext.Provider>
  );
}

/** The current language's translation functions. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside of an I18nProvider');
  return i18n;
}

/** Shorthand: the `t` function of the current language. */
export function useT(): I18n['t'] {
  return useI18n().t;
}

/** The translate function of strings a lazy chunk keeps to itself (`chunk-strings.ts`, ADR 0041). */
export function useChunkT<French extends Record<string, string>>(strings: ChunkStrings<French>): (key: keyof French & string, params?: Params) => string {
  const { locale } = useI18n();
  return (key, params) => chunkText(strings, locale, key, params);
}
