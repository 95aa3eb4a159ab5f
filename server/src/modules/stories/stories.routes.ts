import { ChangeRound, ChangeRoundInput, ChangeRoundList, IdParams, RoundSelection, SelectedStories, SelectedStoriesQuery, Story, StoryInput, StoryPage, StoryQuery, StorySettings, UpdateStory } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { RoundsService } from './rounds.service.ts';
import type { StoriesService } from './stories.service.ts';

export function registerStoryRoutes(router: Router, stories: StoriesService, rounds: RoundsService): void {
  router.session({
    method: 'GET',
    url: '/stories/settings',
    summary: 'Most significant change settings: the domains of change',
    tag: 'stories',
    response: StorySettings,
    handler: ({ ctx }) => stories.getSettings(ctx),
  });
  router.session({
    method: 'PUT',
    url: '/stories/settings',
    summary: 'Change the domains of change (root administrators)',
    tag: 'stories',
    permission: 'settings.manage',
    body: StorySettings,
    response: StorySettings,
    handler: ({ ctx, body }) => stories.updateSettings(ctx, body),
  });
  router.session({
    method: 'GET',
    url: '/stories/selected',
    summary: 'The anonymised texts of the stories chosen in the rounds of a period whose consent to the donor report holds today (the semester report shows them)',
    tag: 'stories',
    query: SelectedStoriesQuery,
    response: SelectedStories,
    handler: ({ ctx, query }) => rounds.selected(ctx, query),
  });
  router.create({
    method: 'POST',
    url: '/stories',
    summary: 'Collect a most significant change story (idempotent on a client-generated id; the texts are sealed at rest)',
    tag: 'stories',
    permission: 'case.write',
    body: StoryInput,
    response: Story,
    replayed: 'Replayed: the same id was already collected; the story as it stands',
    record: 'story',
    handler: ({ ctx, body }) => stories.collect(ctx, body),
  });
  router.session({
    method: 'GET',
    url: '/stories',
    summary: 'The stories she may read, newest first, without their texts; audited',
    tag: 'stories',
    query: StoryQuery,
    response: StoryPage,
    handler: ({ ctx, query }) => stories.list(ctx, query),
  });
  router.session({
    method: 'GET',
    url: '/stories/:id',
    summary: 'One story with its texts (every read is audited)',
    tag: 'stories',
    params: IdParams,
    response: Story,
    handler: ({ ctx, params }) => stories.get(ctx, params.id),
  });
  router.session({
    method: 'PATCH',
    url: '/stories/:id',
    summary: 'Change a story: texts, domain, period, consent, anonymised text',
    tag: 'stories',
    params: IdParams,
    body: UpdateStory,
    response: Story,
    handler: ({ ctx, params, body }) => stories.update(ctx, params.id, body),
  });
  router.create({
    method: 'POST',
    url: '/change-rounds',
    summary: 'Hold a selection round on candidate stories of a period (idempotent on a client-generated id)',
    tag: 'stories',
    permission: 'case.write',
    body: ChangeRoundInput,
    response: ChangeRound,
    replayed: 'Replayed: the same id was already recorded; the round as it stands',
    record: 'round',
    handler: ({ ctx, body }) => rounds.create(ctx, body),
  });
  router.session({
    method: 'GET',
    url: '/change-rounds',
    summary: 'The selection rounds of the units where she holds case.read, newest first',
    tag: 'stories',
    response: ChangeRoundList,
    handler: ({ ctx }) => rounds.list(ctx),
  });
  router.session({
    method: 'GET',
    url: '/change-rounds/:id',
    summary: 'A selection round with its candidates (the texts she may read are shown, and that read audited)',
    tag: 'stories',
    params: IdParams,
    response: ChangeRound,
    handler: ({ ctx, params }) => rounds.get(ctx, params.id),
  });
  router.session({
    method: 'PUT',
    url: '/change-rounds/:id/selection',
    summary: 'The panel’s choice: one story per domain with the written reasons; the feedback given',
    tag: 'stories',
    params: IdParams,
    body: RoundSelection,
    response: ChangeRound,
    handler: ({ ctx, params, body }) => rounds.select(ctx, params.id, body),
  });
}
