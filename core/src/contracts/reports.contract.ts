import { z } from 'zod';
import { text } from './common.ts';
import { programCodes } from '../domain/programs.ts';
import { caseCounts, reportDimensions } from '../domain/indicators.ts';
import { contactModalities, serviceCodes, testResults, testStrategies } from '../domain/services.ts';
import { AnyServiceCode } from './services.contract.ts';
import { cascadeCounts } from '../domain/cascades.ts';
import { referralStats } from '../domain/referrals.ts';
import { harmReductionStats } from '../domain/harm-reduction.ts';

export const ReportQuery = z.object({
  program: z.enum(programCodes),
  /** `2020`, `2020-S1`, `2020-Q3`, `2020-07` or `2020-01-01..2020-06-30`. */
  period: text().trim().min(4).max(40),
  indicators: z.array(text().min(1).max(60)).min(1).max(30),
  by: z.array(z.enum(reportDimensions)).max(4).default([]),
  /** Grain of the `period` dimension. */
  grain: z.enum(['month', 'quarter', 'semester', 'year']).default('month'),
  /** Level of the `org_unit` dimension (an ancestor of the service's unit); absent = the service's unit. */
  orgUnitLevel: z.enum(['country', 'region', 'province', 'section', 'clinic', 'site']).optional(),
  /** Only these values of a dimension (codes), e.g. `{population: ['PS'], org_unit: ['AGA']}`. */
  filters: z.partialRecord(z.enum(reportDimensions), z.array(text().min(1).max(60)).min(1)).default({}),
  /** Cells under this count are hidden (exports outside the organisation). */
  suppressBelow: z.number().int().min(2).max(50).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** One cell: its indicator, period, a value per dimension (`*` = all), the value and the target's comparison. */
export const ReportRow = z
  .object({
    indicator: text(),
    period: text(),
    value: z.number().nullable(),
    target: z.number().nullable(),
    gap: z.number().nullable(),
    achievement: z.number().nullable(),
    suppressed: z.boolean().optional(),
  })
  .catchall(z.union([text(), z.number(), z.boolean(), z.null()]));
export type ReportRow = z.infer<typeof ReportRow>;
export const ReportResult = z.object({
  rows: z.array(ReportRow),
  /**
   * The program's report facts are being rebuilt after a change of its rules (reach, paquet
   * minimum, an indicator): the numbers are exact, read from the services, and slower.
   */
  factsBuilding: z.boolean().optional(),
});

export const TargetInput = z.object({
  indicator: text().min(1).max(60),
  program: z.enum(programCodes),
  orgUnitId: z.uuid(),
  period: text().min(4).max(40),
  value: z.number().min(0),
});

const list = z.array(text()).readonly().optional();
export const ServiceFilterSchema = z.object({
  services: z.union([z.literal('reach'), z.array(text()).readonly()]).optional(),
  result: list,
  kind: list,
  strategy: list,
  modality: list,
  atPremises: z.boolean().optional(),
  amongReached: z.boolean().optional(),
  inCase: z.boolean().optional(),
  pepWithin72h: z.boolean().optional(),
  treated: z.boolean().optional(),
});

const MeasureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('distinct_persons'), filter: ServiceFilterSchema }),
  z.object({ kind: z.literal('distinct_persons_full_paquet') }),
  z.object({ kind: z.literal('count_services'), filter: ServiceFilterSchema }),
  z.object({ kind: z.literal('sum_quantity'), filter: ServiceFilterSchema }),
  z.object({ kind: z.literal('count_cases'), cases: z.enum(caseCounts), closureReasons: z.array(text()).readonly().optional() }),
  z.object({ kind: z.literal('count_cascade'), cascade: z.enum(cascadeCounts) }),
  z.object({ kind: z.literal('referral_stat'), stat: z.enum(referralStats) }),
  z.object({ kind: z.literal('harm_reduction_stat'), stat: z.enum(harmReductionStats) }),
  z.object({ kind: z.literal('ratio'), numerator: text(), denominator: text() }),
]);

/** The name of an organisation's own indicator, in each language of the interface. */
export const IndicatorLabels = z.object({
  fr: text().trim().min(1).max(120),
  ar: text().trim().min(1).max(120),
  en: text().trim().min(1).max(120),
});

/** Indicator definitions as the API lists them (core/src/domain/indicators.ts): the defaults, then the organisation's own. */
export const IndicatorItem = z.object({
  code: text(),
  measure: MeasureSchema,
  /** The programs it is meant for (absent: every program). */
  programs: z.array(text()).readonly().optional(),
  /** An organisation's own indicator (the defaults are named by the catalogues). */
  custom: z.boolean().optional(),
  labels: IndicatorLabels.optional(),
});
export const IndicatorList = z.object({ items: z.array(IndicatorItem) });
export type IndicatorList = z.infer<typeof IndicatorList>;

const values = <T extends readonly [string, ...string[]]>(choices: T) => z.array(z.enum(choices)).min(1).max(choices.length).readonly().optional();

/** An indicator an administrator defines: a measure over filtered services, named in the three languages. */
export const IndicatorInput = z.object({
  /** Stable code (lower case, digits, `_`), used in reports, targets, exports and the DHIS2 mapping. */
  code: text().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'format:indicator_code' }),
  labels: IndicatorLabels,
  measure: z.discriminatedUnion('kind', [
    z.object({
      kind: z.enum(['distinct_persons', 'count_services', 'sum_quantity']),
      filter: z
        .object({
          services: z.union([z.literal('reach'), z.array(AnyServiceCode).min(1).max(serviceCodes.length + 40).readonly()]).optional(),
          result: values(testResults),
          strategy: values(testStrategies),
          modality: values(contactModalities),
          kind: z.array(text().trim().min(1).max(40)).min(1).max(20).readonly().optional(),
          atPremises: z.boolean().optional(),
          amongReached: z.boolean().optional(),
        })
        .strict(),
    }),
    z.object({ kind: z.literal('ratio'), numerator: text().min(1).max(40), denominator: text().min(1).max(40) }),
  ]),
});
export type IndicatorInput = z.infer<typeof IndicatorInput>;
/** GET /indicators: with `program`, only the indicators meant for it (those without a program scope and those scoped to it). */
export const IndicatorListQuery = z.object({ program: z.enum(programCodes).optional() });
export const IndicatorCodeParams = z.object({ code: text().min(1).max(40) });
