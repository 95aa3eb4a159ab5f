import { useSyncExternalStore } from 'react';
import { SyncPushResult, type EditConflict, type UpdateBeneficiary } from '@relais/core';
import { ApiError, request } from '../api/client.ts';
import { attachVoiceNote } from '../api/endpoints.ts';
import { isReachable } from '../api/reachability.ts';
import { allRecords, countRecords, deleteRecord, getRecord, onVaultChange, openVaultUser, putRecord } from './vault.ts';

/**
 * The outbox (ADR 0027): field writes made while the server could not be reached, kept encrypted
 * and sent in batches through the idempotent sync API (`POST /sync/push`) when the network
 * returns, on demand, and after each new one. Nothing expires: an item leaves the outbox only
 * when the server applied it (or had already) or when the worker deletes it; a rejected one
 * stays with the server's reason, in her language, to be sent again or deleted.
 */
export type OutboxKind = 'register_beneficiary' | 'update_beneficiary' | 'record_contact' | 'record_group_session' | 'ost_dispense' | 'ost_undo' | 'voice_note';

/** A voice note waiting (ADR 0035): its audio in base64, sealed like every value of the store; sent after its contact. */
export interface QueuedVoiceNote {
  id: string;
  contactId: string;
  type: string;
  audio: string;
}

export interface OutboxItem {
  /** The operation's id (client-generated): the server applies it at most once. */
  id: string;
  kind: OutboxKind;
  payload: unknown;
  /** What the list shows: the person's code (or the session's theme) and the day. */
  label: string;
  date: string;
  queuedAt: string;
  /**
   * Sent to its own idempotent endpoint (the payload its body) rather than through `/sync/push`:
   * the OST taps of the nurse's dispensing (ADR 0029), idempotent on their client id. A deletion
   * the server no longer finds was done already.
   */
  direct?: { method: 'POST' | 'DELETE'; path: string };
  /** Set when the server refused it. */
  rejection?: { code: string; message: string; fields?: { field: string; message: string }[]; conflict?: EditConflict };
}

/** An edit of a person waiting in the outbox: the version of her record it was made on, and what it changes (ADR 0036). */
export interface QueuedEdit {
  id: string;
  baseVersion: number;
  changes: Omit<UpdateBeneficiary, 'baseVersion'>;
}

const KIND = 'outbox';
/** Operations per push (the API takes up to 1,000). */
const BATCH = 200;

let count = 0;
let sending = false;
/** The persons registered in the outbox (for the offline code check), read again after each change. */
let registrations: Promise<{ id: string; code: string }[]> | null = null;
const listeners = new Set<() => void>();
function notify() {
  registrations = null;
  for (const listener of listeners) listener();
}

/** The persons waiting in the outbox to be registered: they count as known offline. */
export function queuedRegistrations(): Promise<{ id: string; code: string }[]> {
  registrations ??= listOutbox().then((items) => items.flatMap((i) => (i.kind === 'register_beneficiary' ? [i.payload as { id: string; code: string }] : [])));
  return registrations;
}

/** Reads the number of waiting items again (keys only: also while locked). */
export async function refreshOutboxCount(userId = openVaultUser()): Promise<number> {
  count = userId ? await countRecords(userId, KIND) : 0;
  notify();
  return count;
}
onVaultChange(() => void refreshOutboxCount().catch(() => undefined));

/**
 * Puts a write in the outbox, then tries to send it at once. A second edit of a person whose edit
 * still waits joins it (one edit per person, on the first one's version: her own first edit is not
 * a conflict for her second).
 */
export async function enqueue(item: Omit<OutboxItem, 'queuedAt'>): Promise<void> {
  const edit = item.kind === 'update_beneficiary' ? (item.payload as QueuedEdit) : null;
  const earlier = edit ? (await listOutbox()).find((i) => i.kind === 'update_beneficiary' && (i.payload as QueuedEdit).id === edit.id) : undefined;
  if (edit && earlier) {
    const before = earlier.payload as QueuedEdit;
    const changes = { ...before.changes, ...edit.changes, profile: { ...before.changes.profile, ...edit.changes.profile } };
    await putRecord(KIND, earlier.id, { ...earlier, payload: { ...before, changes } });
  } else await putRecord(KIND, item.id, { ...item, queuedAt: new Date().toISOString() });
  await refreshOutboxCount();
  void sendOutbox();
}

/** The items, oldest first. */
export async function listOutbox(): Promise<OutboxItem[]> {
  return (await allRecords<OutboxItem>(KIND)).map((r) => r.value).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** The worker deletes an item (asked first by the screen). */
export async function deleteOutboxItem(id: string): Promise<void> {
  await deleteRecord(KIND, id);
  await refreshOutboxCount();
}

/** A rejected item made ready to send again (its rejection forgotten). */
export async function retryOutboxItem(id: string): Promise<void> {
  const item = await getRecord<OutboxItem>(KIND, id);
  if (!item) return;
  delete item.rejection;
  await putRecord(KIND, id, item);
  await sendOutbox();
}

/** An edit refused for a conflict, settled by the worker field by field: it goes again as she chose, on the version now. */
export async function settleQueuedEdit(id: string, payload: QueuedEdit): Promise<void> {
  const item = await getRecord<OutboxItem>(KIND, id);
  if (!item) return;
  const { rejection: _settled, ...rest } = item;
  await putRecord(KIND, id, { ...rest, payload });
  await sendOutbox();
}

/**
 * A registration refused because the code exists, settled by the worker as **the same person**:
 * the registration leaves the outbox and the contacts and sessions that named the person by her
 * offline id name the existing record instead; they go again at once.
 */
export async function mergeQueuedRegistration(id: string, existingId: string): Promise<void> {
  for (const item of await listOutbox()) {
    if (item.id === id) continue;
    const payload = item.payload as { beneficiaryId?: string; attendees?: string[] };
    const names = payload.beneficiaryId === id || payload.attendees?.includes(id);
    if (!names) continue;
    const moved = { ...payload, ...(payload.beneficiaryId === id ? { beneficiaryId: existingId } : {}), ...(payload.attendees ? { attendees: [...new Set(payload.attendees.map((a) => (a === id ? existingId : a)))] } : {}) };
    const { rejection: _settled, ...rest } = item;
    await putRecord(KIND, item.id, { ...rest, payload: moved });
  }
  await deleteRecord(KIND, id);
  await refreshOutboxCount();
  await sendOutbox();
}

/**
 * The same refusal settled as **a different person**: the registration takes the code she
 * corrected (the server checks it again) and goes again with the contacts naming her.
 */
export async function recodeQueuedRegistration(id: string, code: string): Promise<void> {
  for (const item of await listOutbox()) {
    const payload = item.payload as { id?: string; beneficiaryId?: string };
    if (item.id === id) {
      const { rejection: _settled, ...rest } = item;
      await putRecord(KIND, id, { ...rest, label: code, payload: { ...payload, code } });
    } else if (payload.beneficiaryId === id) {
      const { rejection: _settled, ...rest } = item;
      await putRecord(KIND, item.id, { ...rest, label: code });
    }
  }
  await refreshOutboxCount();
  await sendOutbox();
}

export type SendOutcome = { sent: number; rejected: number; failed?: unknown };

/**
 * Sends the waiting items (not the rejected ones), registrations first (contacts may name the
 * persons they register), in batches. A network failure stops the round; what was answered is
 * settled. Never two rounds at once.
 */
export async function sendOutbox(): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: 0, rejected: 0 };
  if (sending || !openVaultUser()) return outcome;
  sending = true;
  notify();
  try {
    const order: OutboxKind[] = ['register_beneficiary', 'update_beneficiary', 'record_contact', 'record_group_session'];
    const all = (await listOutbox()).filter((i) => !i.rejection);
    const waiting = all.filter((i) => !i.direct && i.kind !== 'voice_note').sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    for (let i = 0; i < waiting.length; i += BATCH) {
      const batch = waiting.slice(i, i + BATCH);
      const answer = await request('POST', '/sync/push', SyncPushResult, { body: { operations: batch.map(({ id, kind, payload }) => ({ id, kind, payload })) } });
      for (const result of answer.results) {
        if (result.status === 'rejected') {
          const item = batch.find((b) => b.id === result.id);
          if (item) await putRecord(KIND, item.id, { ...item, rejection: result.error ?? { code: 'internal', message: '' } });
          outcome.rejected++;
        } else {
          await deleteRecord(KIND, result.id);
          outcome.sent++;
        }
      }
    }
    /** An item sent on its own: kept with the server's reason, or gone. */
    const settle = async (item: OutboxItem, rejection: OutboxItem['rejection'] | undefined) => {
      if (rejection) {
        await putRecord(KIND, item.id, { ...item, rejection });
        outcome.rejected++;
      } else {
        await deleteRecord(KIND, item.id);
        outcome.sent++;
      }
    };
    for (const item of all) if (item.direct) await settle(item, await sendDirect(item, item.direct));
    // Voice notes last: each after its contact (ADR 0035).
    const contactsWaiting = new Set((await listOutbox()).filter((i) => i.kind === 'record_contact').map((i) => i.id));
    for (const item of all) {
      const note = item.payload as QueuedVoiceNote;
      if (item.kind !== 'voice_note' || contactsWaiting.has(note.contactId)) continue;
      await settle(item, await refusalOf(() => attachVoiceNote(note.id, note.contactId, new Blob([fromBase64(note.audio)], { type: note.type }))));
    }
  } catch (error) {
    if (!(error instanceof ApiError)) console.error('outbox', error);
    outcome.failed = error;
  } finally {
    sending = false;
    await refreshOutboxCount().catch(() => undefined);
  }
  return outcome;
}

/**
 * One item sent to its endpoint: undefined when done, the refusal when the server refused it. A
 * network failure, an expired session (or its token not confirmed yet) or a server error stops
 * the round (the item waits).
 */
async function sendDirect(item: OutboxItem, direct: NonNullable<OutboxItem['direct']>): Promise<OutboxItem['rejection']> {
  return refusalOf(() => request(direct.method, direct.path, { parse: (v: unknown) => v }, direct.method === 'POST' ? { body: item.payload } : {}), direct.method === 'DELETE');
}

/** Sends one item (`send`): undefined when done, the refusal when the server refused it; else throws (the round stops). */
async function refusalOf(send: () => Promise<unknown>, isDeletion = false): Promise<OutboxItem['rejection']> {
  try {
    await send();
    return undefined;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code === 'network' || error.code === 'csrf_invalid' || error.status === 401 || error.status >= 500) throw error;
    if (isDeletion && error.code === 'not_found') return undefined;
    return { code: error.code, message: error.message, fields: error.fields.map((f) => ({ field: f.field, message: f.message ?? f.code })) };
  }
}

/**
 * A contact's voice note: uploaded at once when its contact reached the server; kept in the outbox
 * (to follow it) when the contact was queued or the network fails. True when kept.
 */
export async function saveOrQueueVoiceNote(id: string, audio: Blob, contactId: string, contactQueued: boolean, label: string, date: string): Promise<boolean> {
  if (!contactQueued) {
    try {
      await attachVoiceNote(id, contactId, audio);
      return false;
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'network' || !openVaultUser()) throw error;
    }
  }
  await queueVoiceNote(id, contactId, audio, label, date);
  return true;
}

/** Keeps a voice note for later (the store holds JSON: its audio goes in base64, sealed with the rest). */
export async function queueVoiceNote(id: string, contactId: string, audio: Blob, label: string, date: string): Promise<void> {
  const payload: QueuedVoiceNote = { id, contactId, type: audio.type, audio: toBase64(new Uint8Array(await audio.arrayBuffer())) };
  await enqueue({ id, kind: 'voice_note', payload, label, date });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** How many items wait in the outbox, and whether a round is under way. */
export function useOutbox(): { count: number; sending: boolean } {
  const snapshot = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => `${count}:${sending}`,
  );
  const [n, s] = snapshot.split(':');
  return { count: Number(n), sending: s === 'true' };
}

/**
 * A field write: sent at once when the server can be reached (the screen shows its answer);
 * kept in the outbox when it cannot — `queued` — to be sent later with the same ids, so that a
 * write that reached the server before the network failed is applied once. Without an open
 * store (no password typed on this device since the app opened) it is sent as before.
 */
export async function saveOrQueue<T>(send: () => Promise<T>, item: Omit<OutboxItem, 'queuedAt'>): Promise<T | 'queued'> {
  if (!openVaultUser()) return send();
  // Known unreachable (the browser says offline, or the last call found no network): kept at once.
  if (!isReachable()) {
    await enqueue(item);
    return 'queued';
  }
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'network') throw error;
    await enqueue(item);
    return 'queued';
  }
}
