/** Harm reduction (issue 17, ADR 0029): anonymous tallies and the OST day's dispensing; the core contracts parse every answer. */
import {
  AnonymousList,
  AnonymousTally,
  InsertionStep,
  InsertionStepList,
  Ok,
  OstDay,
  OstDispensing,
  OstEpisode,
  OstEpisodeList,
  type AnonymousTallyInput,
  type InsertionStepInput,
  type InsertionStepUpdate,
  type OstDispensingInput,
  type OstDoseInput,
  type OstEndInput,
  type OstEpisodeInput,
} from '@relais/core';
import { request } from '../../api/client.ts';

export type OstDayData = ReturnType<typeof OstDay.parse>;
export type OstDayItemData = OstDayData['items'][number];
export type OstDispensingData = ReturnType<typeof OstDispensing.parse>;
export type OstEpisodeData = ReturnType<typeof OstEpisode.parse>;
export type AnonymousLineData = ReturnType<typeof AnonymousList.parse>['items'][number];

/** Idempotent on the client-generated id. */
export const recordAnonymousTally = (body: AnonymousTallyInput) => request('POST', '/anonymous-services', AnonymousTally, { body });
export const listAnonymousDay = (orgUnitId: string, date: string) => request('GET', '/anonymous-services', AnonymousList, { query: { orgUnitId, date } });
export const deleteAnonymousLine = (id: string) => request('DELETE', `/anonymous-services/${id}`, Ok);

export const ostDay = (orgUnitId: string, date: string) => request('GET', '/ost/day', OstDay, { query: { orgUnitId, date } });
/** Idempotent on the client-generated id. */
export const dispenseOst = (body: OstDispensingInput) => request('POST', '/ost/dispensings', OstDispensing, { body });
export const undoOstDispensing = (id: string) => request('DELETE', `/ost/dispensings/${id}`, Ok);

/** A person's OST episodes, oldest first, with their dose history. */
export const ostEpisodesOf = (beneficiaryId: string) => request('GET', '/ost/episodes', OstEpisodeList, { query: { beneficiaryId } });
/** Idempotent on the client-generated id. */
export const enterOst = (body: OstEpisodeInput) => request('POST', '/ost/episodes', OstEpisode, { body });
export const changeOstDose = (episodeId: string, body: OstDoseInput) => request('POST', `/ost/episodes/${encodeURIComponent(episodeId)}/doses`, OstEpisode, { body });
export const endOst = (episodeId: string, body: OstEndInput) => request('POST', `/ost/episodes/${encodeURIComponent(episodeId)}/end`, OstEpisode, { body });

export type InsertionStepData = ReturnType<typeof InsertionStep.parse>;
/** A person's insertion pathway, oldest step first. */
export const insertionStepsOf = (beneficiaryId: string) => request('GET', '/insertion/steps', InsertionStepList, { query: { beneficiaryId } });
/** Idempotent on the client-generated id. */
export const addInsertionStep = (body: InsertionStepInput) => request('POST', '/insertion/steps', InsertionStep, { body });
export const updateInsertionStep = (id: string, body: InsertionStepUpdate) => request('PUT', `/insertion/steps/${encodeURIComponent(id)}`, InsertionStep, { body });
export const deleteInsertionStep = (id: string) => request('DELETE', `/insertion/steps/${encodeURIComponent(id)}`, Ok);
