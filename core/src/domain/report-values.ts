import { ageBandCodes, UNKNOWN_AGE_BAND, type ReportDimension } from './indicators.ts';
import { defaultViolenceTypes, violenceFamilies } from './cases.ts';
import { defaultPopulations, entryDoors, housings, maritalStatuses, occupations, schoolings, sexes } from './registry.ts';
import { contactModalities, serviceCodes, socioeconomicKinds, supportKinds, testResults, testStrategies } from './services.ts';
import { programCodes } from './programs.ts';
import { audiences, cascadeAgeGroupCodes, UNKNOWN_AGE_GROUP } from './cascades.ts';
import { referralUrgencies } from './referrals.ts';

/** The value of a dimension in a report row that totals all its values. */
export const ALL_VALUES = '*';

/**
 * The catalogue of a dimension's codes, in the order reports show them (populations: the
 * defaults, an organisation may have its own; so may the violence typology); null for units, sites, workers and periods.
 */
export function catalogueOf(dim: ReportDimension): readonly string[] | null {
  switch (dim) {
    case 'sex':
      return sexes;
    case 'age_band':
      return [...ageBandCodes, UNKNOWN_AGE_BAND];
    case 'service':
      return serviceCodes;
    case 'program':
      return programCodes;
    case 'population':
      return defaultPopulations;
    case 'result':
      return testResults;
    case 'strategy':
      return testStrategies;
    case 'modality':
      return contactModalities;
    case 'kind':
      return [...supportKinds, ...socioeconomicKinds];
    case 'marital_status':
      return maritalStatuses;
    case 'schooling':
      return schoolings;
    case 'housing':
      return housings;
    case 'occupation':
      return occupations;
    case 'violence_type':
      return defaultViolenceTypes.map((t) => t.code);
    case 'violence_family':
      return violenceFamilies;
    case 'entry_door':
      return entryDoors;
    case 'audience':
      return audiences;
    case 'age_group':
      return [...cascadeAgeGroupCodes, UNKNOWN_AGE_GROUP];
    case 'urgency':
      return referralUrgencies;
    default:
      return null;
  }
}

/**
 * Sorts the values of a dimension as every report shows them: periods in time, catalogue codes
 * in catalogue order (`order` gives the organisation's own, e.g. its populations), others by
 * label; "not recorded" (`''`) last.
 */
export function sortDimensionValues(dim: ReportDimension, values: readonly string[], label: (v: string) => string, locale: string, order?: readonly string[]): string[] {
  const collator = new Intl.Collator(locale);
  const known = order ?? catalogueOf(dim);
  const rank = (v: string) => {
    if (v === '') return Number.MAX_SAFE_INTEGER;
    const i = known ? known.indexOf(v) : -1;
    return i >= 0 ? i : (known?.length ?? 0);
  };
  return [...values].sort((a, b) => {
    if (dim === 'period') return a.localeCompare(b);
    return rank(a) - rank(b) || collator.compare(label(a), label(b));
  });
}
