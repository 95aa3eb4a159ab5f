import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/** Field work (checks, contacts, lists) or background work (reports, exports, imports, rebuilds). */
export type DbPriority = 'field' | 'background';

const priority = new AsyncLocalStorage<DbPriority>();

/**
 * Runs work whose queries yield to field work: on the embedded engine (one connection) a query of
 * a report, an export, an import or a rebuild waits while a field worker's query is waiting.
 */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return priority.run('background', work);
}

/** The priority of the work calling (field unless inside `inBackground`). */
export function currentPriority(): DbPriority {
  return priority.getStore() ?? 'field';
}

/**
 * The embedded engine's single connection, handed out between statements field work first
 * (first come, first served within a priority). Kysely takes the connection for each query (or
 * each transaction) and gives it back after, so a long report made of many queries lets a
 * contact through between two of them instead of queueing it behind all of them.
 */
export class PriorityPool {
  private busy = false;
  private readonly waiting: Record<DbPriority, Array<() => void>> = { field: [], background: [] };

  constructor(private readonly pool: pg.Pool) {}

  /** The pool's options (Kysely reads them). */
  get options(): object {
    return this.pool.options;
  }

  async connect(): Promise<pg.PoolClient> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting[currentPriority()].push(resolve));
    this.busy = true;
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      this.next();
      throw error;
    }
    const release = client.release.bind(client);
    let released = false;
    client.release = (err?: Error | boolean) => {
      if (released) return;
      released = true;
      client.release = release;
      release(err);
      this.next();
    };
    return client;
  }

  /** Hands the connection to the next waiter, field work first. */
  private next(): void {
    const wake = this.waiting.field.shift() ?? this.waiting.background.shift();
    if (wake) wake();
    else this.busy = false;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}
