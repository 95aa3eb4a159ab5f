import { z } from 'zod';
import { programCodes } from '../domain/programs.ts';

/** A DHIS2 identifier: 11 characters, a letter then letters or digits. */
export const Dhis2Uid = z.string().regex(/^[A-Za-z][A-Za-z0-9]{10}$/);

/**
 * How an organisation's aggregates map to its national DHIS2: each entry sends
 * one indicator, for the cells matching its disaggregation, as a data element
 * and category option combo; org units by their DHIS2 uid.
 */
export const Dhis2Mapping = z.object({
  dataSet: Dhis2Uid.optional(),
  orgUnits: z.record(z.string(), Dhis2Uid),
  dataElements: z
    .array(
      z.object({
        indicator: z.string().min(1),
        program: z.enum(programCodes),
        dataElement: Dhis2Uid,
        categoryOptionCombo: Dhis2Uid.optional(),
        /** Cell to send: dimension → code, e.g. `{age_band: '<25', sex: 'F'}`; empty = the unit's total. */
        disaggregation: z.record(z.string(), z.string()).default({}),
      }),
    )
    .max(500),
});
export type Dhis2Mapping = z.infer<typeof Dhis2Mapping>;

/** The `dataValueSets` payload of the DHIS2 Web API (POST /api/dataValueSets). */
export const DataValueSet = z.object({
  dataSet: Dhis2Uid.optional(),
  period: z.string().regex(/^\d{4}(S[12]|Q[1-4]|\d{2})?$/),
  dataValues: z.array(
    z.object({
      dataElement: Dhis2Uid,
      period: z.string().regex(/^\d{4}(S[12]|Q[1-4]|\d{2})?$/),
      orgUnit: Dhis2Uid,
      categoryOptionCombo: Dhis2Uid.optional(),
      value: z.string(),
    }),
  ),
});
export type DataValueSet = z.infer<typeof DataValueSet>;

export const Dhis2ExportQuery = z.object({ program: z.enum(programCodes), period: z.string().min(4).max(10), orgUnitLevel: z.enum(['country', 'region', 'province', 'section', 'clinic', 'site']).optional() });

/** A Relais period as a DHIS2 period: 2024, 2024S1, 2024Q3, 202407. */
export function dhis2Period(code: string): string | null {
  if (/^\d{4}$/.test(code)) return code;
  if (/^\d{4}-S[12]$/.test(code) || /^\d{4}-Q[1-4]$/.test(code)) return code.replace('-', '');
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(code)) return code.replace('-', '');
  return null;
}
