import { Worker } from 'node:worker_threads';
import { EventEmitter } from 'node:events';
import { Parser } from 'pg-protocol/dist/parser.js';
import type { BackendMessage } from 'pg-protocol/dist/messages.js';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { PGlite } from '@electric-sql/pglite';

type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; data: Uint8Array }
  | { type: 'error'; id: number; message: string }
  | { type: 'closed'; id: number };

/**
 * The embedded database seen from the main thread: PGlite runs in a worker
 * thread; this object offers the two members PGlite's node-postgres adapter
 * uses (`waitReady`, `execProtocolStream`), so `pg`, Kysely's PostgresDialect
 * and every SQL statement run unchanged on the embedded engine.
 */
export class WorkerPglite extends EventEmitter {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private readonly parser = new Parser();
  private failure: Error | null = null;

  constructor(dataDir: string) {
    super();
    this.worker = new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData: { dataDir } });
    this.waitReady = new Promise((resolve, reject) => {
      const onMessage = (msg: WorkerReply) => {
        if (msg.type === 'ready') resolve();
        else if (msg.type === 'failed') reject(new Error(`embedded database failed to open: ${msg.message}`));
      };
      this.worker.once('message', onMessage);
      this.worker.once('error', reject);
    });
    // Keep the rejection observed; callers await waitReady themselves.
    this.waitReady.catch(() => undefined);
    this.worker.on('message', (msg: WorkerReply) => {
      if (msg.type === 'ready' || msg.type === 'failed') return;
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      waiter.resolve(msg);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`embedded database worker exited (${code})`)));
  }

  private fail(error: Error) {
    if (this.failure) return;
    this.failure = error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
    this.emit('failed', error);
  }

  private send(type: 'exec' | 'close', data?: Uint8Array): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type, id, data });
    });
  }

  /** Sends frontend protocol bytes, returns the parsed backend messages. */
  async execProtocolStream(message: Uint8Array): Promise<BackendMessage[]> {
    const reply = await this.send('exec', message);
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'result') throw new Error(`unexpected reply ${reply.type}`);
    const messages: BackendMessage[] = [];
    this.parser.parse(Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength), (m) => messages.push(m));
    return messages;
  }

  /** pg configuration (single shared connection) for a `pg.Pool` of size 1. */
  pgConfig() {
    return createPgConfig(this as unknown as PGlite);
  }

  async close(): Promise<void> {
    if (!this.failure) {
      await this.send('close').catch(() => undefined);
    }
    this.removeAllListeners();
    await this.worker.terminate();
  }
}
