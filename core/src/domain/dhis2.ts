import type { FieldIssue } from '../errors.ts';
import { ageBandCodes, parsePeriod, UNKNOWN_AGE_BAND, type ReportDimension } from './indicators.ts';
import { defaultViolenceTypes, violenceFamilies } from './cases.ts';
import { entryDoors, housings, maritalStatuses, occupations, schoolings, sexes } from './registry.ts';
import { contactModalities, serviceCodes, serviceDefinitions, testResults, testStrategies } from './services.ts';

/**
 * How DHIS2 reads the identifiers of a mapping: `uid` (the 11-character ids) or
 * `code` (the metadata's codes). DHIS2 reads ADX identifiers as codes unless the
 * import says otherwise, so the scheme is written into the payload or the import URL
 * (docs/dhis2.md).
 */
export const dhis2IdSchemes = ['uid', 'code'] as const;
export type Dhis2IdScheme = (typeof dhis2IdSchemes)[number];

/** A DHIS2 uid: 11 characters, a letter then letters or digits. */
export const dhis2UidPattern = /^[A-Za-z][A-Za-z0-9]{10}$/;

/** A Relais period as a DHIS2 period: 2024, 2024S1, 2024Q3, 202407; null for a free range. */
export function dhis2Period(code: string): string | null {
  if (/^\d{4}$/.test(code)) return code;
  if (/^\d{4}-S[12]$/.test(code) || /^\d{4}-Q[1-4]$/.test(code)) return code.replace('-', '');
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(code)) return code.replace('-', '');
  return null;
}

/**
 * A Relais period as an ADX period, `<start date>/<duration>` with a calendar duration,
 * the only ones DHIS2's ADX reader (AdxPeriod) accepts for these period types: a year
 * `2024-01-01/P1Y`, a semester `2024-07-01/P6M`, a quarter `2024-04-01/P3M`, a month
 * `2024-03-01/P1M`. Null for a free range (DHIS2 has no period for it).
 */
export function adxPeriod(code: string): string | null {
  const period = parsePeriod(code);
  if (!period || !dhis2Period(code)) return null;
  const duration = /^\d{4}$/.test(code) ? 'P1Y' : code.includes('-S') ? 'P6M' : code.includes('-Q') ? 'P3M' : 'P1M';
  return `${period.from}/${duration}`;
}

/**
 * The report dimensions a mapping entry may disaggregate by (DHIS2 category options):
 * the unit is the org unit of the value, the period the period of the set; sites and
 * workers are not DHIS2 categories.
 */
export const dhis2DisaggregationDimensions = [
  'population', 'sex', 'age_band', 'modality', 'strategy', 'service', 'kind', 'result', 'marital_status', 'schooling', 'housing', 'occupation',
  'violence_type', 'violence_family', 'entry_door',
] as const satisfies readonly ReportDimension[];
export type Dhis2DisaggregationDimension = (typeof dhis2DisaggregationDimensions)[number];

/** At most this many dimensions in one disaggregation (the report engine breaks down by four, the unit is one). */
export const dhis2MaxDisaggregation = 3;

const kinds = [...new Set(Object.values(serviceDefinitions).flatMap((d) => d.kind ?? []))];

/** The values each disaggregation dimension takes; `population` is the organisation's list, `violence_type` its typology. */
export function dhis2DimensionValues(populations: readonly string[], violenceTypes: readonly string[] = defaultViolenceTypes.map((t) => t.code)): Record<Dhis2DisaggregationDimension, readonly string[]> {
  return {
    violence_type: violenceTypes,
    violence_family: violenceFamilies,
    entry_door: entryDoors,
    population: populations,
    sex: sexes,
    age_band: [...ageBandCodes, UNKNOWN_AGE_BAND],
    modality: contactModalities,
    strategy: testStrategies,
    service: serviceCodes,
    kind: kinds,
    result: testResults,
    marital_status: maritalStatuses,
    schooling: schoolings,
    housing: housings,
    occupation: occupations,
  };
}

/** The shape of a mapping that `checkDhis2Mapping` reads (the contract's output). */
export interface Dhis2MappingShape {
  idScheme: Dhis2IdScheme;
  dataSet?: string | undefined;
  attributeOptionCombo?: string | undefined;
  orgUnits: Record<string, string>;
  dataElements: ReadonlyArray<{
    indicator: string;
    dataElement: string;
    categoryOptionCombo?: string | undefined;
    attributeOptionCombo?: string | undefined;
    disaggregation: Record<string, string>;
  }>;
}

/** What a mapping is checked against: the organisation's indicators, units and populations. */
export interface Dhis2MappingContext {
  indicators: readonly string[];
  units: readonly string[];
  populations: readonly string[];
  /** The organisation's violence typology (codes); the defaults when absent. */
  violenceTypes?: readonly string[];
}

/**
 * Checks a DHIS2 mapping before it is stored, naming every problem: identifiers that are
 * not of the mapping's scheme, unknown indicators and units, disaggregations on an
 * unknown dimension or with a value the dimension never takes (they would send nothing),
 * and conflicts: two entries writing the same DHIS2 cell (data element × category option
 * combo × attribute option combo: two contradicting values in one payload) or two Relais
 * units sent as the same DHIS2 org unit (one would overwrite the other).
 */
export function checkDhis2Mapping(mapping: Dhis2MappingShape, context: Dhis2MappingContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const checkId = (field: string, value: string | undefined) => {
    if (value !== undefined && mapping.idScheme === 'uid' && !dhis2UidPattern.test(value)) issues.push({ field, code: 'not_a_uid', params: { value } });
  };
  checkId('dataSet', mapping.dataSet);
  checkId('attributeOptionCombo', mapping.attributeOptionCombo);

  const units = new Set(context.units);
  const sentAs = new Map<string, string>();
  for (const [unit, target] of Object.entries(mapping.orgUnits)) {
    const field = `orgUnits.${unit}`;
    if (!units.has(unit)) issues.push({ field, code: 'unknown_reference', params: { value: unit } });
    checkId(field, target);
    const other = sentAs.get(target);
    if (other !== undefined) issues.push({ field, code: 'duplicate_org_unit', params: { value: target, other } });
    else sentAs.set(target, unit);
  }

  const indicators = new Set(context.indicators);
  const values = dhis2DimensionValues(context.populations, context.violenceTypes);
  const allowed = new Set<string>(dhis2DisaggregationDimensions);
  const cells = new Map<string, number>();
  mapping.dataElements.forEach((entry, i) => {
    const at = `dataElements.${i}`;
    if (!indicators.has(entry.indicator)) issues.push({ field: `${at}.indicator`, code: 'unknown_reference', params: { value: entry.indicator } });
    checkId(`${at}.dataElement`, entry.dataElement);
    checkId(`${at}.categoryOptionCombo`, entry.categoryOptionCombo);
    checkId(`${at}.attributeOptionCombo`, entry.attributeOptionCombo);
    const dims = Object.entries(entry.disaggregation);
    if (dims.length > dhis2MaxDisaggregation) issues.push({ field: `${at}.disaggregation`, code: 'too_big', params: { max: dhis2MaxDisaggregation } });
    for (const [dimension, value] of dims) {
      const field = `${at}.disaggregation.${dimension}`;
      if (!allowed.has(dimension)) issues.push({ field, code: 'unknown_dimension', params: { value: dimension, allowed: dhis2DisaggregationDimensions.join(', ') } });
      else {
        const choices = values[dimension as Dhis2DisaggregationDimension];
        if (!choices.includes(value)) issues.push({ field, code: 'not_one_of', params: { value, allowed: choices.join(', ') } });
      }
    }
    const cell = [entry.dataElement, entry.categoryOptionCombo ?? '', entry.attributeOptionCombo ?? mapping.attributeOptionCombo ?? ''].join('\u0000');
    const first = cells.get(cell);
    if (first !== undefined) issues.push({ field: `${at}.categoryOptionCombo`, code: 'duplicate_cell', params: { value: entry.dataElement, other: `dataElements.${first}` } });
    else cells.set(cell, i);
  });
  return issues;
}
