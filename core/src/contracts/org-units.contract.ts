import { z } from 'zod';
import { Code, Id, Name } from './common.ts';
import { orgUnitLevels, programCodes } from '../domain/programs.ts';

export const OrgUnitLevel = z.enum(orgUnitLevels);
export type OrgUnitLevel = z.infer<typeof OrgUnitLevel>;

export const OrgUnit = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  level: OrgUnitLevel,
  parentId: Id.nullable(),
  active: z.boolean(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitList = z.object({ items: z.array(OrgUnit) });

export const CreateOrgUnit = z.object({
  /** Optional client-generated id: a retried create with the same id is applied once. */
  id: Id.optional(),
  code: Code,
  name: Name,
  level: OrgUnitLevel,
  parentId: Id,
});
export type CreateOrgUnit = z.infer<typeof CreateOrgUnit>;

export const UpdateOrgUnit = z
  .object({ code: Code, name: Name, level: OrgUnitLevel, parentId: Id, active: z.boolean() })
  .partial();
export type UpdateOrgUnit = z.infer<typeof UpdateOrgUnit>;

export const Program = z.object({ code: z.enum(programCodes), enabled: z.boolean() });
export type Program = z.infer<typeof Program>;
export const ProgramList = z.object({ items: z.array(Program) });
export const ProgramParams = z.object({ code: z.enum(programCodes) });
export const UpdateProgram = z.object({ enabled: z.boolean() });
