import { z } from 'zod';
import { Id, Name, UnitCode, text } from './common.ts';
import { orgUnitLevels, programCodes } from '../domain/programs.ts';
import { DirectoryCode } from './directory.contract.ts';

export const OrgUnitLevel = z.enum(orgUnitLevels);
export type OrgUnitLevel = z.infer<typeof OrgUnitLevel>;

export const OrgUnit = z.object({
  id: Id,
  code: text(),
  name: text(),
  level: OrgUnitLevel,
  parentId: Id.nullable(),
  active: z.boolean(),
  /** Where the unit is (WGS 84 degrees), for the map of a report; null when not given. */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** The directory's territory the unit works in (its code); null: the nearest ancestor's (a case's circuit). */
  territory: text().nullable(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

/** Where a unit is, in WGS 84 degrees (the API and the import row). */
export const Latitude = z.number().min(-90).max(90).nullable();
export const Longitude = z.number().min(-180).max(180).nullable();
/** A location is both coordinates or neither: the missing one is named. */
const bothOrNeither = (v: { latitude?: number | null | undefined; longitude?: number | null | undefined }, ctx: z.RefinementCtx) => {
  const lat = v.latitude ?? null;
  const lon = v.longitude ?? null;
  if (v.latitude === undefined && v.longitude === undefined) return;
  if (lat === null && lon !== null) ctx.addIssue({ code: 'custom', path: ['latitude'], message: 'required' });
  if (lon === null && lat !== null) ctx.addIssue({ code: 'custom', path: ['longitude'], message: 'required' });
};

export const OrgUnitList = z.object({ items: z.array(OrgUnit) });

export const CreateOrgUnit = z.object({
  /** Optional client-generated id: a retried create with the same id is applied once. */
  id: Id.optional(),
  code: UnitCode,
  name: Name,
  level: OrgUnitLevel,
  parentId: Id,
  latitude: Latitude.optional(),
  longitude: Longitude.optional(),
  /** The territory's code (the directory's); null or absent: the nearest ancestor's. */
  territory: DirectoryCode.nullable().optional(),
}).superRefine(bothOrNeither);
export type CreateOrgUnit = z.infer<typeof CreateOrgUnit>;

export const UpdateOrgUnit = z
  .object({ code: UnitCode, name: Name, level: OrgUnitLevel, parentId: Id, active: z.boolean(), latitude: Latitude, longitude: Longitude, territory: DirectoryCode.nullable() })
  .partial()
  .superRefine(bothOrNeither);
export type UpdateOrgUnit = z.infer<typeof UpdateOrgUnit>;

export const Program = z.object({ code: z.enum(programCodes), enabled: z.boolean() });
export type Program = z.infer<typeof Program>;
export const ProgramList = z.object({ items: z.array(Program) });
export const ProgramParams = z.object({ code: z.enum(programCodes) });
export const UpdateProgram = z.object({ enabled: z.boolean() });
