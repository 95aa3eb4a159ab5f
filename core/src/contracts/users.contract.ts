import { z } from 'zod';
import { Id, Locale, Name, PageQuery, Password, Username, text } from './common.ts';
import { Assignment } from './auth.contract.ts';
import { roles } from '../domain/roles.ts';
import { programCodes } from '../domain/programs.ts';

export const User = z.object({
  id: Id,
  username: text(),
  displayName: text(),
  locale: Locale,
  active: z.boolean(),
  /** Her second factor is on (ADR 0031). */
  secondFactor: z.boolean(),
  createdAt: text(),
  assignments: z.array(Assignment),
});
export type User = z.infer<typeof User>;
export const UserList = z.object({ items: z.array(User), total: z.number().int() });

export const UserQuery = PageQuery.extend({ q: text().trim().max(100).optional() });

export const NewAssignment = z.object({
  id: Id.optional(),
  role: z.enum(roles),
  orgUnitId: Id,
  /** Program codes, or null for all programs. */
  programs: z.array(z.enum(programCodes)).min(1).nullable().default(null),
});
export type NewAssignment = z.infer<typeof NewAssignment>;

export const CreateUser = z.object({
  id: Id.optional(),
  username: Username,
  displayName: Name,
  password: Password,
  locale: Locale.default('fr'),
  assignments: z.array(NewAssignment).min(1).max(20),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z
  .object({
    displayName: Name,
    locale: Locale,
    active: z.boolean(),
    password: Password,
    /** Her phone is lost: her second factor is turned off and her sessions end; she sets it up again (at her next login when required). */
    resetSecondFactor: z.literal(true),
  })
  .partial();
export type UpdateUser = z.infer<typeof UpdateUser>;

export const AssignmentParams = z.object({ id: Id, assignmentId: Id });
