import { DomainError, type ProcessingRegister } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { loadAuthSettings, loadDhis2Mapping, loadRegistrySettings, loadRetentionSettings } from '../settings/index.ts';
import { privacyPolicy } from './privacy.policy.ts';
import { organisationOf } from './subject-access.repository.ts';
import * as repo from './register.repository.ts';

type Category = ProcessingRegister['categories'][number];

/** Programs whose work is case management (cases are held when one is enabled or a case exists). */
const caseProgramCodes = new Set(['gbv', 'child_protection']);

/**
 * The register of processing (law 09-08, CNDP declaration; issue 18 item 14), generated from the
 * organisation's configuration and the categories it actually holds: the root administrators'.
 */
export async function processingRegister(db: Queryable, ctx: RequestContext): Promise<ProcessingRegister> {
  if (!privacyPolicy.organisation(ctx.actor)) throw new DomainError('forbidden');
  const org = ctx.actor.organisationId;
  const [organisation, programs, registry, retention, auth, dhis2, recipients, roles, n] = await Promise.all([
    organisationOf(db, org),
    repo.enabledPrograms(db, org),
    loadRegistrySettings(db, org),
    loadRetentionSettings(db, org),
    loadAuthSettings(db, org),
    loadDhis2Mapping(db, org),
    repo.recipients(db, org),
    repo.usersByRole(db, org),
    repo.counts(db, org),
  ]);
  const held = (c: Category['category'], sensitive: boolean, retentionMonths: number | null = null): Category => ({ category: c, sensitive, retentionMonths });
  const categories: Category[] = [
    held('identifier', false),
    held('sex_birth_year', false),
    // Key populations say a person's sexual life, drug use or HIV status: sensitive data (law 09-08 art. 1).
    held('populations', true),
    held('profile', false),
    held('contact_phone', false, retention.contact_phone),
    held('notes', true, retention.notes),
    // A person's voice, and what is said about her (ADR 0035).
    ...(n.voiceNotes > 0 ? [held('voice_notes', true, retention.voice_notes)] : []),
    held('services', true),
    ...(n.cases > 0 || programs.some((p) => caseProgramCodes.has(p)) ? [held('cases', true, retention.closed_cases)] : []),
    ...(n.ost > 0 || programs.includes('harm_reduction') ? [held('harm_reduction', true)] : []),
    held('referrals', true),
    ...(n.stories > 0 ? [held('stories', true)] : []),
    held('audit_log', false, retention.audit_log),
  ];
  return {
    generatedAt: new Date().toISOString(),
    organisation,
    programs,
    purposes: ['referrals', 'quality', 'reporting'],
    populations: registry.populations,
    categories,
    recipients,
    dhis2Mapped: Object.keys(dhis2.orgUnits).length > 0 || dhis2.dataElements.length > 0,
    roles,
    security: {
      secondFactorRequiredForAdministrators: auth.secondFactorRequiredForAdministrators,
      usersWithSecondFactor: n.withSecondFactor,
      activeUsers: n.activeUsers,
      retentionJob: Object.values(retention).some((m) => m !== null),
    },
    counts: { persons: n.persons, erased: n.erased },
  };
}
