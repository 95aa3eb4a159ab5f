import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/** Field work (checks, contacts, lists) or background work (reports, exports, imports, rebuilds). */
export type DbPriority = 'field' | 'background';

interface WorkContext {
  priority: DbPriority;
  /** True once nobody waits for the result any more (the client of the request went away). */
  abandoned?: () => boolean;
}

const context = new AsyncLocalStorage<WorkContext>();

/**
 * Runs work whose queries yield to field work: on the embedded engine (one connection) a query of
 * a report, an export, an import or a rebuild waits while a field worker's query is waiting.
 */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return context.run({ ...context.getStore(), priority: 'background' }, work);
}

/** Runs a request's work: its priority, and whether its client is still there. */
export function forRequest<T>(priority: DbPriority, abandoned: () => boolean, work: () => Promise<T>): Promise<T> {
  return context.run({ priority, abandoned }, work);
}

/** The priority of the work calling (field unless inside `inBackground`). */
export function currentPriority(): DbPriority {
  return context.getStore()?.priority ?? 'field';
}

/** A request whose client went away while it waited for the connection: it is not run. */
export class RequestAbandonedError extends Error {
  constructor() {
    super('the client went away before its request reached the database');
    this.name = 'RequestAbandonedError';
  }
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
    const work = context.getStore();
    if (this.busy) await new Promise<void>((resolve) => this.waiting[work?.priority ?? 'field'].push(resolve));
    this.busy = true;
    // After an overload, clients that gave up (a phone's timeout) must not keep the connection
    // busy for nobody: their requests are dropped here instead of queueing the next ones.
    if (work?.abandoned?.()) {
      this.next();
      throw new RequestAbandonedError();
    }
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
