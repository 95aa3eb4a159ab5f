import { DomainError, invalidField, wallClockNow, storyConsentScopes, type Story, type StoryInput, type StoryQuery, type StorySettings, type StorySummary, type UpdateStory } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Secrets } from '../../lib/secrets.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { findUnit } from '../org-units/index.ts';
import { caseMismatch, isWorkerAround, selectCaseKeys, unitAndPerson } from '../capture/index.ts';
import { loadCaseSettings, loadStorySettings, settingsPolicy, storeStorySettings } from '../settings/index.ts';
import { storiesPolicy, type StoryKeys } from './stories.policy.ts';
import * as repo from './stories.repository.ts';

export const keysOf = (row: repo.StoryRow): StoryKeys => ({ collectedBy: row.collected_by, unitPath: row.org_unit_path, program: row.program });

/** The organisation's date today (its wall clock): consent holds through its expiry date. */
export async function todayOf(db: Queryable, org: string): Promise<string> {
  return wallClockNow((await loadCaseSettings(db, org)).timeZone).slice(0, 10);
}

type Scope = (typeof storyConsentScopes)[number];

export function summaryOf(row: repo.StoryRow, today: string): StorySummary {
  const scopes = row.consent_scopes.filter((s): s is Scope => (storyConsentScopes as readonly string[]).includes(s));
  const holds = row.consent_expires_on !== null && row.consent_expires_on >= today;
  return {
    id: row.id,
    beneficiary: { id: row.beneficiary_id, code: row.beneficiary_code },
    caseId: row.case_id,
    program: row.program,
    orgUnit: { id: row.org_unit_id, code: row.org_unit_code, name: row.org_unit_name },
    collectedBy: { id: row.collected_by, displayName: row.collector_name },
    collectedOn: row.collected_on,
    eventsFrom: row.events_from,
    eventsTo: row.events_to,
    domain: row.domain,
    consentScopes: scopes,
    consentExpiresOn: row.consent_expires_on,
    consentActive: holds ? scopes : [],
    anonymisedText: row.anonymised_text,
  };
}

/** The rules a story's fields keep together (domain of the organisation's list, period in order, consent with its expiry). */
function checkFields(settings: StorySettings, s: { domain?: string | undefined; eventsFrom?: string | null | undefined; eventsTo?: string | null | undefined; consentScopes?: readonly string[] | undefined; consentExpiresOn?: string | null | undefined }) {
  if (s.domain !== undefined && !settings.domains.includes(s.domain)) throw invalidField('domain', 'invalid_choice');
  if (s.eventsFrom && s.eventsTo && s.eventsTo < s.eventsFrom) throw invalidField('eventsTo', 'too_small', { min: s.eventsFrom });
  if (s.consentScopes?.length && !s.consentExpiresOn) throw invalidField('consentExpiresOn', 'required');
}

export function createStoriesService(db: Queryable, secrets: Secrets) {
  /** A story the actor may read (or change): not_found otherwise, as if it did not exist. */
  async function reachable(trx: Queryable, ctx: RequestContext, id: string, need: 'read' | 'write') {
    const [row] = await repo.selectStories(trx, ctx.actor.organisationId, [id]);
    if (!row || !storiesPolicy[need](ctx.actor, keysOf(row))) throw new DomainError('not_found');
    return row;
  }

  async function audit(trx: Queryable, ctx: RequestContext, action: string, row: { id: string; org_unit_id: string; org_unit_path: string }, details: Record<string, unknown> = {}) {
    await recordAudit(trx, whoOf(ctx), { action, entityType: 'story', entityId: row.id, orgUnit: { id: row.org_unit_id, path: row.org_unit_path }, details });
  }

  /** The story with its texts unsealed (the caller audits the read). */
  async function present(trx: Queryable, ctx: RequestContext, row: repo.StoryRow): Promise<Story> {
    const org = ctx.actor.organisationId;
    const [sealed] = await repo.selectSealed(trx, org, [row.id]);
    return {
      ...summaryOf(row, await todayOf(trx, org)),
      story: secrets.tryDecrypt(sealed!.story_encrypted) ?? '',
      significance: sealed!.significance_encrypted ? secrets.tryDecrypt(sealed!.significance_encrypted) : null,
      can: { write: storiesPolicy.write(ctx.actor, keysOf(row)) },
    };
  }

  return {
    /** Collects a story (idempotent on a client-generated id); its texts are sealed at rest. */
    async collect(ctx: RequestContext, input: StoryInput): Promise<{ story: Story; created: boolean }> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const { unit, person } = await unitAndPerson(trx, ctx, input, (u) => storiesPolicy.collectAt(ctx.actor, u, input.program));
        if (input.caseId) {
          const mismatch = caseMismatch((await selectCaseKeys(trx, org, [input.caseId])).get(input.caseId), person.id, input.program);
          if (mismatch) throw invalidField('caseId', mismatch);
        }
        const collectedBy = input.collectedById ?? ctx.actor.userId;
        if (collectedBy !== ctx.actor.userId && !(await isWorkerAround(trx, org, collectedBy, unit.path))) throw invalidField('collectedById', 'invalid_choice');
        checkFields(await loadStorySettings(trx, org), input);
        const id = input.id ?? newId();
        const created = await repo.insertStory(trx, org, {
          id,
          beneficiary_id: person.id,
          case_id: input.caseId,
          org_unit_id: unit.id,
          program: input.program,
          collected_by: collectedBy,
          collected_on: input.collectedOn,
          events_from: input.eventsFrom,
          events_to: input.eventsTo,
          domain: input.domain,
          story_encrypted: secrets.encrypt(input.story),
          significance_encrypted: input.significance === null ? null : secrets.encrypt(input.significance),
          consent_scopes: [...new Set(input.consentScopes)],
          consent_expires_on: input.consentExpiresOn,
          anonymised_text: input.anonymisedText,
          created_by: ctx.actor.userId,
        });
        const [row] = await repo.selectStories(trx, org, [id]);
        if (!created) {
          // A retry: the same story, else the id is someone else's.
          if (!row || row.beneficiary_id !== person.id || !storiesPolicy.read(ctx.actor, keysOf(row))) throw new DomainError('id_conflict');
          return { story: await present(trx, ctx, row), created: false };
        }
        await audit(trx, ctx, 'story.create', row!, { code: row!.beneficiary_code, domain: input.domain });
        return { story: await present(trx, ctx, row!), created: true };
      });
    },

    /** One story with its texts (every read is audited). */
    async get(ctx: RequestContext, id: string): Promise<Story> {
      return withTransaction(db, async (trx) => {
        const row = await reachable(trx, ctx, id, 'read');
        await audit(trx, ctx, 'story.read', row, { code: row.beneficiary_code });
        return present(trx, ctx, row);
      });
    },

    /** The stories she may read, newest first, without their texts (the list is audited with the stories shown). */
    async list(ctx: RequestContext, q: StoryQuery) {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        let orgUnitPath: string | undefined;
        if (q.orgUnitId) {
          const unit = await findUnit(trx, org, q.orgUnitId);
          if (!unit) throw invalidField('orgUnitId', 'invalid_choice');
          orgUnitPath = unit.path;
        }
        const page = await repo.selectStoryPage(trx, org, storiesPolicy.reader(ctx.actor), { program: q.program, orgUnitPath, beneficiaryId: q.beneficiaryId, domain: q.domain }, q);
        if (page.rows.length) await recordAudit(trx, whoOf(ctx), { action: 'story.list', entityType: 'story', details: { ids: page.rows.map((r) => r.id) } });
        const today = await todayOf(trx, org);
        return { items: page.rows.map((r) => summaryOf(r, today)), total: page.total, totalCapped: page.totalCapped };
      });
    },

    async update(ctx: RequestContext, id: string, input: UpdateStory): Promise<Story> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const row = await reachable(trx, ctx, id, 'write');
        const merged = {
          domain: input.domain,
          eventsFrom: input.eventsFrom !== undefined ? input.eventsFrom : row.events_from,
          eventsTo: input.eventsTo !== undefined ? input.eventsTo : row.events_to,
          consentScopes: input.consentScopes ?? row.consent_scopes,
          consentExpiresOn: input.consentExpiresOn !== undefined ? input.consentExpiresOn : row.consent_expires_on,
        };
        checkFields(await loadStorySettings(trx, org), merged);
        const patch: repo.StoryPatch = {};
        if (input.domain !== undefined) patch.domain = input.domain;
        if (input.eventsFrom !== undefined) patch.events_from = input.eventsFrom;
        if (input.eventsTo !== undefined) patch.events_to = input.eventsTo;
        if (input.story !== undefined) patch.story_encrypted = secrets.encrypt(input.story);
        if (input.significance !== undefined) patch.significance_encrypted = input.significance === null ? null : secrets.encrypt(input.significance);
        if (input.consentScopes !== undefined) patch.consent_scopes = [...new Set(input.consentScopes)];
        if (input.consentExpiresOn !== undefined) patch.consent_expires_on = input.consentExpiresOn;
        if (input.anonymisedText !== undefined) patch.anonymised_text = input.anonymisedText;
        await repo.updateStory(trx, org, id, patch);
        await audit(trx, ctx, 'story.update', row, { fields: Object.keys(input) });
        const [after] = await repo.selectStories(trx, org, [id]);
        return present(trx, ctx, after!);
      });
    },

    async getSettings(ctx: RequestContext): Promise<StorySettings> {
      return loadStorySettings(db, ctx.actor.organisationId);
    },

    async updateSettings(ctx: RequestContext, input: StorySettings): Promise<StorySettings> {
      if (!settingsPolicy.change(ctx.actor)) throw new DomainError('forbidden');
      input.domains.forEach((d, i) => {
        if (input.domains.indexOf(d) !== i) throw invalidField(`domains.${i}`, 'duplicate_in_file', { value: d, first: input.domains.indexOf(d) + 1 });
      });
      return withTransaction(db, async (trx) => {
        await storeStorySettings(trx, ctx.actor.organisationId, input);
        await recordAudit(trx, whoOf(ctx), { action: 'story.settings', entityType: 'organisation', entityId: ctx.actor.organisationId, details: { domains: input.domains } });
        return loadStorySettings(trx, ctx.actor.organisationId);
      });
    },
  };
}

export type StoriesService = ReturnType<typeof createStoriesService>;
