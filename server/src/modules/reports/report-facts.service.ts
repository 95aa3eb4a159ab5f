import { withTransaction, type Queryable } from '../../db/index.ts';
import { loadProgramServices } from '../settings/index.ts';
import {
  loadRules,
  lockRules,
  markRulesReady,
  organisationsPending,
  pendingPrograms,
  programsWithServices,
  personBounds,
  rebuildFacts,
  rebuildFactsOfPersons,
  rebuildRollup,
  replaceRules,
  selectOrganisationIds,
} from './report-facts.repository.ts';
import { loadIndicators } from './indicators.repository.ts';
import { reportRules, ruleKey, type ReportRule } from './report-rules.ts';
import { inBackground } from '../../db/priority.ts';

const byProgramAndSlot = (a: ReportRule, b: ReportRule) => (a.program < b.program ? -1 : a.program > b.program ? 1 : a.slot - b.slot);

/**
 * Keeps the report rules of an organisation (or of every one) in step with its indicator
 * definitions and program catalogue (ADR 0010). Where the rules a program's definitions give
 * differ from the stored ones, stores them and:
 * - with `now`, rebuilds that program's person facts in this transaction (everything, roll-up
 *   included, when no rules were stored);
 * - otherwise stores them as waiting for their facts, for `createReportFactsBuilder` to build
 *   in the background (reports read the services for those slots meanwhile).
 * A program without services is ready at once. The roll-up, which does not depend on rules, is
 * rebuilt here when no rules were stored (a new or restored database, this version's first start). Cheap when nothing changed. Returns the
 * organisations whose rules changed.
 */
export async function syncReportFacts(db: Queryable, organisationId?: string, options: { now?: boolean } = {}): Promise<string[]> {
  const organisations = organisationId
    ? [organisationId]
    : await selectOrganisationIds(db);
  const changedOrganisations: string[] = [];
  for (const id of organisations) {
    await withTransaction(db, async (trx) => {
      await lockRules(trx);
      const wanted = reportRules(await loadIndicators(trx, id), await loadProgramServices(trx, id));
      const stored = await loadRules(trx, id);
      const keysOf = (rules: ReportRule[], program: string) => rules.filter((r) => r.program === program).sort(byProgramAndSlot).map(ruleKey).join();
      const programs = [...new Set([...wanted, ...stored].map((r) => r.program))];
      const changed = programs.filter((p) => keysOf(stored, p) !== keysOf(wanted, p));
      if (changed.length === 0) return;
      changedOrganisations.push(id);
      if (options.now) {
        await replaceRules(trx, id, changed, wanted, true);
        await rebuildFacts(trx, id, stored.length ? changed : undefined);
        return;
      }
      // No rules yet: the roll-up is built first (it tells which programs have services).
      if (stored.length === 0) await rebuildRollup(trx, id);
      const withServices = await programsWithServices(trx, id, changed);
      await replaceRules(trx, id, changed.filter((p) => !withServices.includes(p)), wanted, true);
      await replaceRules(trx, id, withServices, wanted, false);
    });
  }
  return changedOrganisations;
}

/** Persons per chunk of a background build: one chunk is one short transaction. */
const CHUNK_PERSONS = 5_000;

/** Rebuilds the report facts of an organisation at once, in `db` (demo data and benchmarks, after bulk inserts). */
export async function rebuildReportFacts(db: Queryable, organisationId: string): Promise<void> {
  await rebuildFacts(db, organisationId);
}

/**
 * Builds the person facts of the programs whose rules wait for them, chunk by chunk of
 * persons (each chunk one transaction that locks its persons, as a commit-time refresh
 * does), then marks the rules ready if they did not change meanwhile. Writes are never held
 * up for longer than a chunk. Returns whether every program it found is now ready.
 */
export async function buildPendingFacts(
  db: Queryable,
  organisationId: string,
  options: { chunkPersons?: number; stopping?: () => boolean; onChunk?: (ms: number) => void } = {},
): Promise<boolean> {
  const pending = await pendingPrograms(db, organisationId);
  if (pending.length === 0) return true;
  const programs = pending.map((p) => p.program);
  const bounds = await personBounds(db, organisationId, options.chunkPersons ?? CHUNK_PERSONS);
  const edges: Array<string | null> = [null, ...bounds, null];
  for (let i = 0; i < edges.length - 1; i++) {
    if (options.stopping?.()) return false;
    const t0 = performance.now();
    await withTransaction(db, (trx) => rebuildFactsOfPersons(trx, organisationId, programs, edges[i]!, edges[i + 1]!));
    options.onChunk?.(performance.now() - t0);
  }
  let all = true;
  for (const { program, version } of pending) {
    all = (await withTransaction(db, (trx) => markRulesReady(trx, organisationId, program, version))) && all;
  }
  return all;
}

export interface ReportFactsBuilder {
  /** Starts building whatever waits (or notes to look again when a build is running). */
  kick(): void;
  /** Resolves when no build is running. */
  idle(): Promise<void>;
  /** Stops after the current chunk. */
  close(): Promise<void>;
}

/** The background builder of report facts: one build at a time, again while rules wait. */
export function createReportFactsBuilder(db: Queryable, log: { info(o: object, m: string): void; error(o: object, m: string): void }): ReportFactsBuilder {
  let running: Promise<void> | null = null;
  let again = false;
  let stopping = false;

  const runOnce = async () => {
    for (const organisationId of await organisationsPending(db)) {
      const t0 = Date.now();
      const done = await buildPendingFacts(db, organisationId, { stopping: () => stopping });
      if (done) log.info({ organisationId, ms: Date.now() - t0 }, 'report facts built');
      else if (!stopping) again = true; // the rules changed meanwhile: once more
    }
  };

  const builder: ReportFactsBuilder = {
    kick() {
      if (stopping) return;
      if (running) {
        again = true;
        return;
      }
      // Its queries let field work's through first on the embedded engine's one connection.
      running = inBackground(async () => {
        // Rules that keep changing under a build are taken again, a few times at most.
        for (let round = 0; round === 0 || (again && !stopping && round < 5); round++) {
          again = false;
          try {
            await runOnce();
          } catch (error) {
            // Left waiting: the next change or start-up tries again; reports read the services meanwhile.
            log.error({ err: error }, 'report facts build failed');
          }
        }
      }).finally(() => {
        running = null;
      });
    },
    async idle() {
      while (running) await running;
    },
    async close() {
      stopping = true;
      await builder.idle();
    },
  };
  return builder;
}
