import { z } from 'zod';
import { Id, Name, UnitCode, text } from './common.ts';
import { BirthYear, PastDate, profileFields, updatableFields } from './beneficiaries.contract.ts';
import { AnyServiceCode, serviceFields } from './services.contract.ts';
import { Latitude, Longitude, OrgUnitLevel } from './org-units.contract.ts';
import { TargetInput } from './reports.contract.ts';
import { programCodes } from '../domain/programs.ts';
import { entryDoors } from '../domain/registry.ts';
import { closureReasons } from '../domain/cases.ts';
import { insertionStepKinds } from '../domain/insertion.ts';
import { LocalDateOrDateTime, ViolenceTypeCode } from './cases.contract.ts';
import type { FieldIssue } from '../errors.ts';
import { fieldIssuesOf } from '../validation.ts';

/**
 * One row schema per kind of file (docs/exchange-format.md): the columns of a CSV/XLSX row, each
 * read with the API's own field schema (`updatableFields`, `serviceFields`, `UnitCode`…), so a
 * value a file may hold is one the API accepts, refused with the same validation code. The
 * importer, and the offline app, read rows through them; what depends on the organisation (the
 * code scheme, its populations, units, users, enabled programs, indicators) is checked beside.
 * The keys are in the order a row's issues are reported.
 */

/** A whole number as a spreadsheet writes it; anything else stays text and is refused as `invalid_type`. */
const wholeNumber = (s: string): unknown => (/^-?\d+$/.test(s) ? Number(s) : s);
/** A decimal number; a comma is read as the decimal point, as French spreadsheets write it. */
const decimal = (s: string): unknown => {
  const t = s.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : s;
};
/** Any number JavaScript reads (a target's value), comma as the decimal point. */
const anyNumber = (s: string): unknown => {
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : s;
};
/** A cell read as a number before its schema checks it. */
const numberCell = <S extends z.ZodType>(schema: S, read: (s: string) => unknown) => z.preprocess((v) => (typeof v === 'string' ? read(v) : v), schema);

/** An org unit row: `parent_code` names a unit of the file or of the organisation (the root unit when empty). */
export const orgUnitRow = () => ({
  code: UnitCode,
  name: Name,
  parent_code: text().optional(),
  level: OrgUnitLevel,
  latitude: numberCell(Latitude, decimal).optional(),
  longitude: numberCell(Longitude, decimal).optional(),
});

/** A beneficiary row: `code` is checked against the organisation's code scheme, `populations` (`;`-separated) against its vocabulary, `section` is a unit code. */
export const beneficiaryRow = (thisYear = new Date().getFullYear()) => ({
  code: text().optional(),
  populations: text(),
  sex: updatableFields.sex,
  birth_year: numberCell(BirthYear.max(thisYear), wholeNumber).optional(),
  section: text(),
  registered_on: PastDate,
  entry_door: updatableFields.entryDoor.optional(),
  marital_status: profileFields.maritalStatus.optional(),
  schooling: profileFields.schooling.optional(),
  housing: profileFields.housing.optional(),
  occupation: profileFields.occupation.optional(),
});

/** A service row: `code` names a registered person, `section`/`site` units, `worker` an account; which fields a service takes is `checkServiceEntry`'s rule. */
export const serviceRow = () => ({
  id: Id.optional(),
  code: text().optional(),
  date: PastDate,
  section: text(),
  program: text(),
  /** A built-in service or one the organisation defined (its fields in the columns named by their keys). */
  service: AnyServiceCode,
  site: text().optional(),
  worker: text().optional(),
  quantity: numberCell(serviceFields.quantity, wholeNumber).optional(),
  result: serviceFields.result.optional(),
  strategy: serviceFields.strategy.optional(),
  modality: serviceFields.modality.optional(),
  kind: text().optional(),
  treated: z.enum(['yes', 'no']).optional(),
  /** A whole number, or the paper register's `2026-017` of the service's year (`parseRegisterNo`). */
  register_no: text().optional(),
  /** The case the service was given in: of the same person and program. */
  case_id: Id.optional(),
});

/**
 * A case row: `code` names a registered person, `section` the unit that opened it;
 * `violence_type` is checked against the organisation's typology; `closed_on` and
 * `closure_reason` come together (a closed case).
 */
export const caseRow = () => ({
  id: Id.optional(),
  code: text().optional(),
  program: z.enum(programCodes),
  section: text(),
  /** Reception: `YYYY-MM-DD` (read as 00:00) or `YYYY-MM-DDTHH:MM`. */
  opened_at: LocalDateOrDateTime,
  entry_door: z.enum(entryDoors),
  incident_at: LocalDateOrDateTime.optional(),
  violence_type: ViolenceTypeCode.optional(),
  closed_on: PastDate.optional(),
  closure_reason: z.enum(closureReasons).optional(),
});

/**
 * A step of an insertion pathway (ADR 0033), as the paper follow-up of a rehabilitation unit
 * holds it: the person's code, the unit following her, the step and its dates; `completed`
 * (`yes`/`no`) for a training or an internship only, and a completed one has its last day.
 */
export const insertionRow = () => ({
  id: Id.optional(),
  code: text().optional(),
  section: text(),
  kind: z.enum(insertionStepKinds),
  activity: text().trim().min(1).max(120),
  start_date: PastDate,
  end_date: z.iso.date().optional(),
  completed: z.enum(['yes', 'no']).optional(),
  note: text().trim().max(500).optional(),
});

/** A target row: `indicator` one of the organisation's, `org_unit` a unit code, `period` a period (`parsePeriod`). */
export const targetRow = () => ({
  indicator: text(),
  program: z.enum(programCodes),
  org_unit: text(),
  period: text(),
  value: numberCell(TargetInput.shape.value, anyNumber),
});

export type RowShape = Record<string, z.ZodType>;

/** The schema of a whole row of a kind (the offline app checks a row at once). */
export const rowSchema = <S extends RowShape>(shape: S) => z.object(shape);

/** What reading a row gives: the value of each column read, and the issues of the others. */
export interface ReadRow<S extends RowShape> {
  values: { [K in keyof S]?: z.output<S[K]> };
  issues: FieldIssue[];
}

/**
 * A reader of rows of one shape (built once per file): an empty cell is absent; each column gets
 * its value or its issues (one per column, named by the column), in the shape's order. A valid
 * row is read in one pass of the whole-row schema; a row with issues column by column.
 */
export function rowReader<S extends RowShape>(shape: S): (cells: Readonly<Record<string, string>>) => ReadRow<S> {
  const whole = z.object(shape);
  const columns = Object.entries(shape);
  return (cells) => {
    const input: Record<string, string | undefined> = {};
    for (const [column] of columns) {
      const raw = cells[column];
      input[column] = raw === undefined || raw === '' ? undefined : raw;
    }
    const all = whole.safeParse(input);
    if (all.success) return { values: all.data as ReadRow<S>['values'], issues: [] };
    const values: Record<string, unknown> = {};
    const issues: FieldIssue[] = [];
    for (const [column, schema] of columns) {
      const parsed = schema.safeParse(input[column]);
      if (parsed.success) values[column] = parsed.data;
      else issues.push(...fieldIssuesOf(parsed.error.issues, input[column], [column]));
    }
    return { values: values as ReadRow<S>['values'], issues };
  };
}

/** Reads one row with its shape (see `rowReader`, which a file of many rows builds once). */
export function readRow<S extends RowShape>(shape: S, cells: Readonly<Record<string, string>>): ReadRow<S> {
  return rowReader(shape)(cells);
}
