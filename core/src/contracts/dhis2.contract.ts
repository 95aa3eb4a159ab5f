import { z } from 'zod';
import { text } from './common.ts';
import { programCodes } from '../domain/programs.ts';
import { dhis2IdSchemes } from '../domain/dhis2.ts';

/** A DHIS2 identifier as the mapping writes it: a uid, or a code of up to 50 characters (DHIS2's limit), per the mapping's `idScheme`. */
export const Dhis2Id = text().trim().min(1).max(50);

/**
 * How an organisation's aggregates map to its national DHIS2: each entry sends
 * one indicator, for the cells matching its disaggregation, as a data element,
 * category option combo and attribute option combo; Relais units as DHIS2 org units.
 * Checked as a whole when stored (core/src/domain/dhis2.ts, checkDhis2Mapping).
 */
export const Dhis2Mapping = z.object({
  /** How DHIS2 reads every identifier below: `uid` (11 characters) or `code`. */
  idScheme: z.enum(dhis2IdSchemes).default('uid'),
  dataSet: Dhis2Id.optional(),
  /** Attribute option combo of every value (funding mechanism, implementing partner), unless an entry names its own; absent = DHIS2's default. */
  attributeOptionCombo: Dhis2Id.optional(),
  /** Leave out the cells whose value is 0. Off by default: every mapped cell is sent, so a value corrected down to 0 replaces what DHIS2 holds. */
  omitZeros: z.boolean().default(false),
  /** Relais unit code → DHIS2 org unit. */
  orgUnits: z.record(text().min(1).max(40), Dhis2Id),
  dataElements: z
    .array(
      z.object({
        indicator: text().min(1).max(60),
        program: z.enum(programCodes),
        dataElement: Dhis2Id,
        categoryOptionCombo: Dhis2Id.optional(),
        /** This entry's attribute option combo, instead of the mapping's. */
        attributeOptionCombo: Dhis2Id.optional(),
        /** Cell to send: dimension → code, e.g. `{age_band: '<25', sex: 'F'}`; empty = the unit's total. */
        disaggregation: z.record(text().min(1).max(40), text().max(60)).default({}),
        /** Multiplies the value before it is sent: 100 sends a ratio (0.25) to a percentage data element (25). */
        factor: z.number().positive().max(1_000_000).optional(),
      }),
    )
    .max(500),
});
export type Dhis2Mapping = z.infer<typeof Dhis2Mapping>;

const Dhis2PeriodCode = text().regex(/^\d{4}(S[12]|Q[1-4]|\d{2})?$/, { message: 'format:dhis2_period' });

/** The `dataValueSets` payload of the DHIS2 Web API (POST /api/dataValueSets), as DHIS2's DataValueSet class reads it. */
export const DataValueSet = z.object({
  /** How DHIS2 must read the identifiers: `UID` or `CODE` (the mapping's scheme). */
  idScheme: z.enum(['UID', 'CODE']),
  dataSet: Dhis2Id.optional(),
  period: Dhis2PeriodCode,
  dataValues: z.array(
    z.object({
      dataElement: Dhis2Id,
      period: Dhis2PeriodCode,
      orgUnit: Dhis2Id,
      categoryOptionCombo: Dhis2Id.optional(),
      attributeOptionCombo: Dhis2Id.optional(),
      value: text(),
    }),
  ),
});
export type DataValueSet = z.infer<typeof DataValueSet>;

export const Dhis2ExportQuery = z.object({ program: z.enum(programCodes), period: text().min(4).max(10), orgUnitLevel: z.enum(['country', 'region', 'province', 'section', 'clinic', 'site']).optional() });
