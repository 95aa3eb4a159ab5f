import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, ChangeRound, SelectedStories, Story, StorySummary } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { registerBeneficiary } from '../../../test/factories.ts';

const today = new Date().toISOString().slice(0, 10);
const nextYear = `${Number(today.slice(0, 4)) + 1}-12-31`;

describe(`most significant change stories (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let sectionA: string;
  let social: Client;
  let coordinator: Client;
  let otherSocial: Client;
  let peer: Client;
  let personId: string;
  let caseId: string;
  const stories: Record<string, string> = {};

  const collect = (client: Client, over: Record<string, unknown>) =>
    client.post<Story>('/stories', {
      beneficiaryId: personId,
      program: 'gbv',
      orgUnitId: sectionA,
      collectedOn: '2024-03-10',
      eventsFrom: '2023-10-01',
      eventsTo: '2024-03-01',
      domain: 'autonomy',
      story: 'Avant, je ne sortais plus de chez moi. Maintenant je travaille à la coopérative de Gueliz.',
      significance: 'Je gagne mon propre argent.',
      consentScopes: ['internal_learning', 'donor_report'],
      consentExpiresOn: nextYear,
      anonymisedText: 'Une femme accompagnée par le centre a retrouvé un travail et son autonomie.',
      ...over,
    });

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'MSC');
    sectionA = await createUnit(org.admin, org.rootUnitId, 'MRK', 'clinic');
    const sectionB = await createUnit(org.admin, org.rootUnitId, 'AGA', 'clinic');
    ({ client: social } = await createUserClient(t, org.admin, 'MSC', 'as.mrk', 'social_worker', sectionA));
    ({ client: coordinator } = await createUserClient(t, org.admin, 'MSC', 'coord.mrk', 'coordinator', sectionA));
    ({ client: otherSocial } = await createUserClient(t, org.admin, 'MSC', 'as.aga', 'social_worker', sectionB));
    ({ client: peer } = await createUserClient(t, org.admin, 'MSC', 'ep.mrk', 'peer_educator', sectionA));
    personId = (await registerBeneficiary(social, { orgUnitId: sectionA })).id;
    const opened = await social.post<{ id: string }>('/cases', { beneficiaryId: personId, program: 'gbv', orgUnitId: sectionA, openedAt: '2024-01-05T10:00', entryDoor: 'walk_in' });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
  });
  afterAll(() => t.close());

  it('collects a story sealed at rest: the stored bytes do not hold the text, the API gives it back, and the read is audited', async () => {
    const id = randomUUID();
    const res = await collect(social, { id, caseId });
    expect(res.status).toBe(201);
    stories.autonomy = id;
    expect(res.body).toMatchObject({ id, caseId, domain: 'autonomy', consentActive: ['internal_learning', 'donor_report'] });
    expect(res.body.story).toContain('coopérative de Gueliz');
    const stored = await sql<{ story: Buffer; why: Buffer }>`select story_encrypted as story, significance_encrypted as why from change_story where id = ${id}`.execute(t.db.kysely);
    const bytes = Buffer.from(stored.rows[0]!.story).toString('latin1') + Buffer.from(stored.rows[0]!.why).toString('latin1');
    expect(bytes).not.toContain('Gueliz');
    expect(bytes).not.toContain('argent');
    // A retry with the same id collects nothing new.
    expect((await collect(social, { id, caseId })).status).toBe(200);
    const read = await coordinator.get<Story>(`/stories/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.significance).toBe('Je gagne mon propre argent.');
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'story.read' and entity_id = ${id}`.execute(t.db.kysely);
    expect(audited.rows[0]!.n).toBe(1);
    const list = await coordinator.get<{ items: StorySummary[] }>('/stories');
    expect(list.body.items.map((s) => s.id)).toEqual([id]);
    expect(list.body.items[0]).not.toHaveProperty('story');
  });

  it('hides a story from another unit’s worker (404) and from roles without case.read, and refuses what the rules refuse', async () => {
    expect((await otherSocial.get<ApiErrorBody>(`/stories/${stories.autonomy}`)).status).toBe(404);
    expect((await otherSocial.get<{ items: unknown[] }>('/stories')).body.items).toEqual([]);
    expect((await peer.get<ApiErrorBody>(`/stories/${stories.autonomy}`)).status).toBe(404);
    expect((await otherSocial.patch<ApiErrorBody>(`/stories/${stories.autonomy}`, { domain: 'health' })).status).toBe(404);
    const domain = await collect(social, { domain: 'wellbeing' });
    expect(domain.status).toBe(400);
    expect(domain.body).toMatchObject({ error: { fields: [{ field: 'domain', code: 'invalid_choice' }] } });
    const consent = await collect(social, { consentExpiresOn: null });
    expect(consent.body).toMatchObject({ error: { fields: [{ field: 'consentExpiresOn', code: 'required' }] } });
    const other = (await registerBeneficiary(social, { orgUnitId: sectionA })).id;
    const wrongCase = await collect(social, { beneficiaryId: other, caseId });
    expect(wrongCase.body).toMatchObject({ error: { fields: [{ field: 'caseId', code: 'not_in_case' }] } });
  });

  it('holds a round, chooses one story per domain with reasons, and lists for the donor only the anonymised texts whose consent holds', async () => {
    stories.safety = (await collect(social, { domain: 'safety', anonymisedText: 'Elle dort de nouveau en sécurité.' })).body.id;
    // Consent to the donor report expired yesterday-ish: never in the donor list.
    stories.expired = (await collect(social, { domain: 'health', consentExpiresOn: '2024-06-30', anonymisedText: 'Texte dont le consentement a expiré.' })).body.id;
    // No donor consent at all.
    stories.internal = (await collect(social, { domain: 'self_esteem', consentScopes: ['internal_learning'], anonymisedText: 'Texte pour l’apprentissage interne seulement.' })).body.id;
    stories.second = (await collect(social, { domain: 'safety', anonymisedText: 'Une autre histoire de sécurité.' })).body.id;
    const round = await coordinator.post<ChangeRound>('/change-rounds', {
      heldOn: '2024-07-05',
      orgUnitId: sectionA,
      panel: 'Coordinatrice, psychologue, deux paires',
      period: '2024-S1',
      storyIds: Object.values(stories),
    });
    expect(round.status).toBe(201);
    expect(round.body.candidates).toHaveLength(5);
    expect(round.body.candidates.every((c) => c.story !== null)).toBe(true);
    expect((await otherSocial.get<ApiErrorBody>(`/change-rounds/${round.body.id}`)).status).toBe(404);
    expect((await otherSocial.get<{ items: unknown[] }>('/change-rounds')).body.items).toEqual([]);
    expect((await coordinator.get<{ items: Array<{ id: string; candidates: number }> }>('/change-rounds')).body.items).toMatchObject([{ id: round.body.id, candidates: 5 }]);

    const twice = await coordinator.put<ApiErrorBody>(`/change-rounds/${round.body.id}/selection`, {
      choices: [
        { storyId: stories.safety, reasons: 'Le changement le plus profond.' },
        { storyId: stories.second, reasons: 'Aussi fort.' },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields?.[0]).toMatchObject({ field: 'choices.1.storyId', code: 'one_per_domain' });

    const chosen = await coordinator.put<ChangeRound>(`/change-rounds/${round.body.id}/selection`, {
      choices: [stories.autonomy, stories.safety, stories.expired, stories.internal].map((storyId) => ({ storyId, reasons: 'Choisie par le comité pour la profondeur du changement.' })),
      feedback: 'Restitution faite aux paires éducatrices et aux femmes concernées.',
      feedbackOn: '2024-07-10',
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.candidates.filter((c) => c.selected).map((c) => c.storyId).sort()).toEqual([stories.autonomy, stories.safety, stories.expired, stories.internal].sort());
    expect(chosen.body).toMatchObject({ feedback: 'Restitution faite aux paires éducatrices et aux femmes concernées.', feedbackOn: '2024-07-10' });

    const donor = await coordinator.get<SelectedStories>(`/stories/selected?period=2024-S1&program=gbv&orgUnitId=${sectionA}`);
    expect(donor.status).toBe(200);
    expect(donor.body.items.map((s) => [s.domain, s.anonymisedText])).toEqual([
      ['autonomy', 'Une femme accompagnée par le centre a retrouvé un travail et son autonomie.'],
      ['safety', 'Elle dort de nouveau en sécurité.'],
    ]);
    expect(JSON.stringify(donor.body)).not.toContain('Gueliz');
    // Another semester has none; withdrawing the donor consent removes the story at once.
    expect((await coordinator.get<SelectedStories>(`/stories/selected?period=2024-S2&orgUnitId=${sectionA}`)).body.items).toEqual([]);
    await social.patch<Story>(`/stories/${stories.safety}`, { consentScopes: ['internal_learning'] });
    const after = await coordinator.get<SelectedStories>(`/stories/selected?period=2024-S1&program=gbv&orgUnitId=${sectionA}`);
    expect(after.body.items.map((s) => s.storyId)).toEqual([stories.autonomy]);
  });
});
