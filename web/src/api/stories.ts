/** The most significant change endpoints (issue 13); inputs and outputs are the core contracts. */
import { ChangeRound, ChangeRoundList, Story, StoryPage, StorySettings, type ChangeRoundInput, type RoundSelection, type StoryInput, type UpdateStory } from '@relais/core';
import { request } from './client.ts';

export type StoryData = ReturnType<typeof Story.parse>;
export type StorySummaryData = ReturnType<typeof StoryPage.parse>['items'][number];
export type ChangeRoundData = ReturnType<typeof ChangeRound.parse>;
export type ChangeRoundItem = ReturnType<typeof ChangeRoundList.parse>['items'][number];

export interface StoryFilters {
  program?: string;
  orgUnitId?: string;
  beneficiaryId?: string;
  domain?: string;
  limit?: number;
  offset?: number;
}

export const listStories = (query: StoryFilters) => request('GET', '/stories', StoryPage, { query: { ...query } });
export const getStory = (id: string) => request('GET', `/stories/${encodeURIComponent(id)}`, Story);
/** Collects a story (idempotent on the client-generated id). */
export const collectStory = (body: StoryInput) => request('POST', '/stories', Story, { body });
export const getStorySettings = () => request('GET', '/stories/settings', StorySettings);
export const listRounds = () => request('GET', '/change-rounds', ChangeRoundList);
export const getRound = (id: string) => request('GET', `/change-rounds/${encodeURIComponent(id)}`, ChangeRound);
export const createRound = (body: ChangeRoundInput) => request('POST', '/change-rounds', ChangeRound, { body });
export const selectStories = (id: string, body: RoundSelection) => request('PUT', `/change-rounds/${encodeURIComponent(id)}/selection`, ChangeRound, { body });
export const updateStory = (id: string, body: UpdateStory) => request('PATCH', `/stories/${encodeURIComponent(id)}`, Story, { body });
