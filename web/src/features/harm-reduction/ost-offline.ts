import type { OstDispensingInput } from '@relais/core';
import { newId } from '../../api/ids.ts';
import { deleteOutboxItem, listOutbox, saveOrQueue } from '../../offline/outbox.ts';
import { dispenseOst, undoOstDispensing, type OstDayItemData, type OstDispensingData } from './harm-reduction-api.ts';

/**
 * The dispensing offline (ADR 0029, 0027): a tap the server cannot take now waits in the outbox
 * (sent later to `POST /ost/dispensings`, idempotent on its client id); an undo of a tap still
 * waiting takes it out of the outbox, an undo of a tap the server has waits as a deletion. The
 * list of the day shows what waits as done, marked "saved on this device".
 */
export type OstTap = Required<Pick<OstDispensingInput, 'id' | 'episodeId' | 'date' | 'kind' | 'days'>>;
type UndoPayload = { id: string; episodeId: string; date: string };

/** What the outbox holds for a day: per episode the tap (or the undo, null) waiting, and the ids of the taps waiting. */
export interface WaitingTaps {
  byEpisode: Map<string, OstDispensingData | null>;
  waiting: Set<string>;
}
export const noWaitingTaps: WaitingTaps = { byEpisode: new Map(), waiting: new Set() };

/** A tap as the list shows it before the server answered (the dose of the day's list). */
function shown(tap: OstTap, doseMg: number | null): OstDispensingData {
  return { id: tap.id, date: tap.date, kind: tap.kind, days: tap.days, doseMg: tap.kind === 'missed' ? null : doseMg, serviceId: null, by: '' };
}

/** The taps and undos of `date` waiting in the outbox (none while the store is locked). */
export async function waitingTaps(date: string, items: readonly OstDayItemData[]): Promise<WaitingTaps> {
  const out: WaitingTaps = { byEpisode: new Map(), waiting: new Set() };
  const dose = new Map(items.map((i) => [i.episodeId, i.doseMg]));
  for (const item of await listOutbox().catch(() => [])) {
    if (item.kind === 'ost_dispense') {
      const tap = item.payload as OstTap;
      if (tap.date !== date) continue;
      out.byEpisode.set(tap.episodeId, shown(tap, dose.get(tap.episodeId) ?? null));
      out.waiting.add(tap.id);
    } else if (item.kind === 'ost_undo') {
      const undo = item.payload as UndoPayload;
      if (undo.date === date) out.byEpisode.set(undo.episodeId, null);
    }
  }
  return out;
}

/** One tap: the server's answer, or the tap as shown when it waits in the outbox. */
export async function tapDose(item: OstDayItemData, tap: OstTap): Promise<OstDispensingData> {
  const saved = await saveOrQueue(() => dispenseOst(tap), {
    id: tap.id,
    kind: 'ost_dispense',
    payload: tap,
    label: item.beneficiary.code,
    date: tap.date,
    direct: { method: 'POST', path: '/ost/dispensings' },
  });
  return saved === 'queued' ? shown(tap, item.doseMg) : saved;
}

/** Undoes a tap: out of the outbox when it still waits there, else a deletion (at once, or waiting). */
export async function undoDose(item: OstDayItemData, tap: OstDispensingData): Promise<void> {
  if ((await listOutbox().catch(() => [])).some((i) => i.id === tap.id)) return deleteOutboxItem(tap.id);
  const payload: UndoPayload = { id: tap.id, episodeId: item.episodeId, date: tap.date };
  await saveOrQueue(() => undoOstDispensing(tap.id), {
    id: newId(),
    kind: 'ost_undo',
    payload,
    label: item.beneficiary.code,
    date: tap.date,
    direct: { method: 'DELETE', path: `/ost/dispensings/${encodeURIComponent(tap.id)}` },
  });
}
