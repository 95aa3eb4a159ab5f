import { holds, holdsAt, scope, type Actor } from '../../context/index.ts';
import { settingsPolicy } from '../settings/index.ts';

/** Who may do what in the registry (pure; services check before any data access). */
export const registryPolicy = {
  /** The code scheme and populations of the organisation. */
  changeSettings: settingsPolicy.change,
  /** Register a person at a unit, or make her known there: `person.write` on an active unit. */
  registerAt: (actor: Actor, unit: { path: string; active: boolean }): boolean => unit.active && holdsAt(actor, 'person.write', unit.path),
  /** Where the persons she may read are known (a person outside does not exist for her). */
  readableUnits: (actor: Actor): string[] => scope(actor, 'person.read'),
  /** Where the persons she may merge are known. */
  mergeableUnits: (actor: Actor): string[] => scope(actor, 'person.merge'),
  /** Phone numbers of persons she reads. */
  seeContactDetails: (actor: Actor): boolean => holds(actor, 'contact.read'),
  /** Notes on persons she reads. */
  seeNotes: (actor: Actor): boolean => holds(actor, 'note.read'),
} as const;
