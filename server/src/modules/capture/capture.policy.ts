import { holds, holdsAt, holdsFor, scope, type Actor } from '../../context/index.ts';
import type { Permission } from '@relais/core';
import { settingsPolicy } from '../settings/index.ts';

/** Who may do what with services and contacts (pure; services check before any data access). */
export const capturePolicy = {
  /** Record a service at a unit: `service.write` on an active unit. */
  recordAt: (actor: Actor, unit: { path: string; active: boolean }): boolean => unit.active && holdsAt(actor, 'service.write', unit.path),
  /** The subtrees where she records services. */
  recordingUnits: (actor: Actor): string[] => scope(actor, 'service.write'),
  /** A service of this program at this unit, for reading or changing (`permission`): else it does not exist for her. */
  reachService: (actor: Actor, permission: Permission, unitPath: string, program: string): boolean => holdsFor(actor, permission, unitPath, program),
  /** Notes of the services she reads. */
  seeNotes: (actor: Actor): boolean => holds(actor, 'note.read'),
  /** The monthly data verification of a unit. */
  verifyAt: (actor: Actor, unitPath: string): boolean => holdsAt(actor, 'data.verify', unitPath),
  /** The services each program offers, its reach and paquet minimum. */
  changeCatalogue: settingsPolicy.change,
} as const;
