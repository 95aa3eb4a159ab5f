import { locales, type Locale } from '@relais/core';
import { Select } from '../ui/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The language menu, on every screen; each language is named in itself. */
export function LanguageSwitcher({ label, hideLabel = true }: { label?: string; hideLabel?: boolean }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <Select
      className="language-switcher"
      label={label ?? t('app.language')}
      hideLabel={hideLabel}
      value={locale}
      options={locales.map((l) => ({ value: l, label: t(`locale.${l}`), lang: l }))}
      onChange={(v) => setLocale(v as Locale)}
    />
  );
}
