import { z } from 'zod';
import {
  CaseSettings,
  DEFAULT_UNANSWERED_AFTER_DAYS,
  ReferralSettings,
  AuthSettings,
  RetentionSettings,
  StorySettings,
  defaultChangeDomains,
  Dhis2Mapping,
  ProgramServices,
  RegistrySettings,
  defaultCaseProgramSettings,
  defaultCodeScheme,
  defaultPopulations,
  defaultProgramServices,
  defaultViolenceTypes,
  programCodes,
  type ProgramServiceSettings,
} from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import { getSetting, putSetting } from './settings.repository.ts';

/**
 * The settings of every module, each under its key of `organisation_setting`, read with
 * its defaults filled in. The use cases that change them (who may, the audit line) stay
 * in the module that owns the setting: registry, capture's catalogue, reports' DHIS2 mapping.
 */
const keys = {
  registry: 'registry',
  programServices: 'program_services',
  dhis2Mapping: 'dhis2_mapping',
  cases: 'cases',
  stories: 'stories',
  referrals: 'referrals',
  auth: 'auth',
  retention: 'retention',
} as const;

/** The organisation's registry settings (code scheme, populations), defaults filled in. */
export async function loadRegistrySettings(db: Queryable, organisationId: string): Promise<RegistrySettings> {
  const stored = RegistrySettings.safeParse(await getSetting(db, organisationId, keys.registry));
  return stored.success ? stored.data : { codeScheme: defaultCodeScheme as RegistrySettings['codeScheme'], populations: [...defaultPopulations] };
}

export async function storeRegistrySettings(db: Queryable, organisationId: string, settings: RegistrySettings): Promise<void> {
  await putSetting(db, organisationId, keys.registry, settings);
}

const StoredProgramServices = z.record(z.string(), ProgramServices);

/** Per-program service settings of the organisation, defaults filled in. */
export async function loadProgramServices(db: Queryable, organisationId: string): Promise<Record<string, ProgramServiceSettings>> {
  const parsed = StoredProgramServices.safeParse(await getSetting(db, organisationId, keys.programServices));
  return { ...defaultProgramServices, ...(parsed.success ? parsed.data : {}) };
}

/** Stores one program's service settings beside the others stored (defaults are not written). */
export async function storeProgramServices(db: Queryable, organisationId: string, program: string, settings: ProgramServiceSettings): Promise<void> {
  const stored = StoredProgramServices.safeParse(await getSetting(db, organisationId, keys.programServices));
  await putSetting(db, organisationId, keys.programServices, { ...(stored.success ? stored.data : {}), [program]: settings });
}

/** The organisation's DHIS2 mapping (empty when none is set). */
export async function loadDhis2Mapping(db: Queryable, organisationId: string): Promise<Dhis2Mapping> {
  const parsed = Dhis2Mapping.safeParse(await getSetting(db, organisationId, keys.dhis2Mapping));
  return parsed.success ? parsed.data : Dhis2Mapping.parse({ orgUnits: {}, dataElements: [] });
}

export async function storeDhis2Mapping(db: Queryable, organisationId: string, mapping: Dhis2Mapping): Promise<void> {
  await putSetting(db, organisationId, keys.dhis2Mapping, mapping);
}

/** The case settings' defaults: the GBVIMS typology, 60 days before a case is at risk of loss, Morocco's time zone. */
export function defaultCaseSettings(): CaseSettings {
  return {
    violenceTypes: defaultViolenceTypes.map((t) => ({ ...t })),
    atRiskAfterDays: Object.fromEntries(programCodes.map((p) => [p, defaultCaseProgramSettings.atRiskAfterDays])) as CaseSettings['atRiskAfterDays'],
    timeZone: 'Africa/Casablanca',
  };
}

/** The organisation's case settings (typology, days before a case is at risk, time zone), defaults filled in. */
export async function loadCaseSettings(db: Queryable, organisationId: string): Promise<CaseSettings> {
  const defaults = defaultCaseSettings();
  const parsed = CaseSettings.partial().safeParse(await getSetting(db, organisationId, keys.cases));
  if (!parsed.success) return defaults;
  return { ...defaults, ...parsed.data, atRiskAfterDays: { ...defaults.atRiskAfterDays, ...parsed.data.atRiskAfterDays } };
}

export async function storeCaseSettings(db: Queryable, organisationId: string, settings: CaseSettings): Promise<void> {
  await putSetting(db, organisationId, keys.cases, settings);
}

/** The organisation's most significant change settings: its domains of change (`defaultChangeDomains` by default). */
export async function loadStorySettings(db: Queryable, organisationId: string): Promise<StorySettings> {
  const parsed = StorySettings.safeParse(await getSetting(db, organisationId, keys.stories));
  return parsed.success ? parsed.data : { domains: [...defaultChangeDomains] };
}

export async function storeStorySettings(db: Queryable, organisationId: string, settings: StorySettings): Promise<void> {
  await putSetting(db, organisationId, keys.stories, settings);
}

/** The organisation's referral settings: days before a sent referral without an answer is flagged (7 by default). */
export async function loadReferralSettings(db: Queryable, organisationId: string): Promise<ReferralSettings> {
  const parsed = ReferralSettings.safeParse(await getSetting(db, organisationId, keys.referrals));
  return parsed.success ? parsed.data : { unansweredAfterDays: DEFAULT_UNANSWERED_AFTER_DAYS };
}

export async function storeReferralSettings(db: Queryable, organisationId: string, settings: ReferralSettings): Promise<void> {
  await putSetting(db, organisationId, keys.referrals, settings);
}

/** The organisation's login rules: a second factor required of administrators (off by default). */
export async function loadAuthSettings(db: Queryable, organisationId: string): Promise<AuthSettings> {
  const parsed = AuthSettings.safeParse(await getSetting(db, organisationId, keys.auth));
  return parsed.success ? parsed.data : { secondFactorRequiredForAdministrators: false };
}

export async function storeAuthSettings(db: Queryable, organisationId: string, settings: AuthSettings): Promise<void> {
  await putSetting(db, organisationId, keys.auth, settings);
}

/** The organisation's retention periods (ADR 0026): months per data category, null (kept while the record lives) by default. */
export async function loadRetentionSettings(db: Queryable, organisationId: string): Promise<RetentionSettings> {
  const parsed = RetentionSettings.safeParse(await getSetting(db, organisationId, keys.retention));
  return parsed.success ? parsed.data : { contact_phone: null, notes: null, voice_notes: null, closed_cases: null, audit_log: null };
}

export async function storeRetentionSettings(db: Queryable, organisationId: string, settings: RetentionSettings): Promise<void> {
  await putSetting(db, organisationId, keys.retention, settings);
}
