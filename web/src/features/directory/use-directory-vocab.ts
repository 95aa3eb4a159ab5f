import { useMemo } from 'react';
import { listTaxonomy, listTerritories, type TaxonomyTermData, type TerritoryData } from '../../api/directory.ts';
import { useApi } from '../../api/use-api.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { dayNames, territoryName } from './directory-labels.ts';
import type { SelectOption } from '../../ui/index.ts';

/** What the directory's screens share: territories, service types, day names, and their options for a select. */
export interface DirectoryVocab {
  territories: TerritoryData[] | undefined;
  terms: TaxonomyTermData[] | undefined;
  error: unknown;
  days: ReturnType<typeof dayNames>;
  territoryOptions: SelectOption[];
  termOptions: SelectOption[];
}

export function useDirectoryVocab(): DirectoryVocab {
  const { locale } = useI18n();
  const territories = useApi(() => listTerritories(), []);
  const terms = useApi(() => listTaxonomy(), []);
  return useMemo(() => {
    const collator = new Intl.Collator(intlTag(locale));
    const territoryOptions = (territories.data?.items ?? [])
      .map((t) => ({ value: t.code, label: territoryName(t.name, locale) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    const termOptions = (terms.data?.items ?? []).map((t) => ({ value: t.code, label: t.labels[locale] }));
    return {
      territories: territories.data?.items,
      terms: terms.data?.items,
      error: territories.error ?? terms.error,
      days: dayNames(intlTag(locale)),
      territoryOptions,
      termOptions,
    };
  }, [locale, territories.data, territories.error, terms.data, terms.error]);
}
