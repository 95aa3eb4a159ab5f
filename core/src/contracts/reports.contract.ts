import { z } from 'zod';
import { programCodes } from '../domain/programs.ts';
import { reportDimensions } from '../domain/indicators.ts';

export const ReportQuery = z.object({
  program: z.enum(programCodes),
  /** `2020`, `2020-S1`, `2020-Q3`, `2020-07` or `2020-01-01..2020-06-30`. */
  period: z.string().trim().min(4).max(40),
  indicators: z.array(z.string().min(1).max(60)).min(1).max(30),
  by: z.array(z.enum(reportDimensions)).max(4).default([]),
  /** Grain of the `period` dimension. */
  grain: z.enum(['month', 'quarter', 'semester', 'year']).default('month'),
  /** Level of the `org_unit` dimension (an ancestor of the service's unit); absent = the service's unit. */
  orgUnitLevel: z.enum(['country', 'region', 'province', 'section', 'clinic', 'site']).optional(),
  /** Only these values of a dimension (codes), e.g. `{population: ['PS'], org_unit: ['AGA']}`. */
  filters: z.partialRecord(z.enum(reportDimensions), z.array(z.string().min(1).max(60)).min(1)).default({}),
  /** Cells under this count are hidden (exports outside the organisation). */
  suppressBelow: z.number().int().min(2).max(50).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** One cell: its indicator, period, a value per dimension (`*` = all), the value and the target's comparison. */
export const ReportRow = z
  .object({
    indicator: z.string(),
    period: z.string(),
    value: z.number().nullable(),
    target: z.number().nullable(),
    gap: z.number().nullable(),
    achievement: z.number().nullable(),
    suppressed: z.boolean().optional(),
  })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type ReportRow = z.infer<typeof ReportRow>;
export const ReportResult = z.object({ rows: z.array(ReportRow) });

export const TargetInput = z.object({
  indicator: z.string().min(1).max(60),
  program: z.enum(programCodes),
  orgUnitId: z.uuid(),
  period: z.string().min(4).max(40),
  value: z.number().min(0),
});

const list = z.array(z.string()).readonly().optional();
export const ServiceFilterSchema = z.object({
  services: z.union([z.literal('reach'), z.array(z.string()).readonly()]).optional(),
  result: list,
  kind: list,
  strategy: list,
  modality: list,
  atPremises: z.boolean().optional(),
  amongReached: z.boolean().optional(),
});

/** Indicator definitions as the API lists them (core/src/domain/indicators.ts). */
export const IndicatorList = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      measure: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('distinct_persons'), filter: ServiceFilterSchema }),
        z.object({ kind: z.literal('distinct_persons_full_paquet') }),
        z.object({ kind: z.literal('count_services'), filter: ServiceFilterSchema }),
        z.object({ kind: z.literal('sum_quantity'), filter: ServiceFilterSchema }),
        z.object({ kind: z.literal('ratio'), numerator: z.string(), denominator: z.string() }),
      ]),
    }),
  ),
});
export type IndicatorList = z.infer<typeof IndicatorList>;
