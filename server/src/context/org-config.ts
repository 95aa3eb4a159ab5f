import type { Actor } from './actor.ts';

/** Organisations whose configuration this process keeps; past that, the one kept longest goes. */
const MAX_ORGANISATIONS = 200;
const kept = new Map<string, { version: string; reads: Map<string, Promise<unknown>> }>();

/**
 * An organisation's configuration read (`key`: what is read, e.g. `programs` or `unit:<id>`) kept
 * in this process while the organisation's `config_version` is the one the actor's session read
 * (ADR 0046): a trigger gives it a new value at any change of its settings, programs, service or
 * indicator definitions and units, so that the next request reads them again. Without a version
 * (a system actor, the command line) it simply reads. For the field's reads only: never in a use
 * case that changes the configuration it reads (it would read its own version's value), and what
 * it gives is shared: read-only.
 */
export function orgConfig<T>(actor: Pick<Actor, 'organisationId' | 'configVersion'>, key: string, read: () => Promise<T>): Promise<T> {
  const version = actor.configVersion;
  if (!version) return read();
  let entry = kept.get(actor.organisationId);
  if (entry?.version !== version) {
    entry = { version, reads: new Map() };
    kept.set(actor.organisationId, entry);
    if (kept.size > MAX_ORGANISATIONS) kept.delete(kept.keys().next().value!);
  }
  const reads = entry.reads;
  const shared = reads.get(key) as Promise<T> | undefined;
  // Another request's read failed (its transaction aborted, its connection lost): this one reads itself.
  if (shared) return shared.catch(read);
  const value = read();
  reads.set(key, value);
  // A failed read is not kept.
  value.catch(() => reads.get(key) === value && reads.delete(key));
  return value;
}
