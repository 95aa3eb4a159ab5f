import { locales, type Locale } from '@relais/core';
import { Select } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** A user's language, each named in its own language. */
export function LocaleSelect({ value, onChange, error }: { value: Locale; onChange: (locale: Locale) => void; error?: string | undefined }) {
  const { t } = useI18n();
  return <Select label={t('field.locale')} value={value} options={locales.map((l) => ({ value: l, label: t(`locale.${l}`), lang: l }))} onChange={(v) => onChange(v as Locale)} error={error} />;
}
