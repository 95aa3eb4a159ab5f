import { Worker } from 'node:worker_threads';
import { EventEmitter } from 'node:events';
import { Parser } from 'pg-protocol/dist/parser.js';
import type { BackendMessage } from 'pg-protocol/dist/messages.js';
import { serialize } from 'pg-protocol';

type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; data: Uint8Array }
  | { type: 'error'; id: number; message: string }
  | { type: 'closed'; id: number };

/**
 * The embedded database seen from the main thread: PGlite runs in a worker
 * thread; `pg.Client` talks to it through `WorkerPgConnection` (the wire
 * protocol, as over a socket), so `pg`, Kysely's PostgresDialect and every SQL
 * statement run unchanged on the embedded engine.
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
    return { connection: new WorkerPgConnection(this), user: 'postgres', database: 'postgres', password: 'embedded', host: 'embedded', port: 5432 };
  }

  async close(): Promise<void> {
    if (!this.failure) {
      await this.send('close').catch(() => undefined);
    }
    this.removeAllListeners();
    await this.worker.terminate();
  }
}

/**
 * The connection `pg.Client` drives, talking to the worker instead of a socket.
 * Like PGlite's own node-postgres adapter, but the frontend messages pg writes
 * in one go (parse, bind, describe, execute, sync) travel to the worker
 * together: one round trip per query instead of five.
 */
class WorkerPgConnection extends EventEmitter {
  /** Checked by pg's Client.end(), which skips connection.end() without it. */
  _connecting = false;
  /** pg's Client.end() destroys the stream when a query is still active. */
  readonly stream = { destroy: () => this.end() };
  parsedStatements = {};
  submittedNamedStatements = {};
  private pending: Uint8Array[] = [];
  private scheduled = false;
  private queue: Promise<void>;
  private emitMessages = false;

  constructor(private readonly db: WorkerPglite) {
    super();
    this.queue = db.waitReady;
    this.on('newListener', (name) => {
      if (name === 'message') this.emitMessages = true;
    });
  }

  private send(buffer: Uint8Array): void {
    this.pending.push(buffer);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      const parts = this.pending;
      this.pending = [];
      const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      this.queue = this.queue
        .then(() => this.db.execProtocolStream(data))
        .then((messages) => {
          for (const m of messages) {
            if (this.emitMessages) this.emit('message', m);
            // node-postgres expects ErrorResponse as 'errorMessage'.
            this.emit(m.name === 'error' ? 'errorMessage' : m.name, m);
          }
        })
        .catch((error: unknown) => {
          this.emit('error', error);
        });
    });
  }

  async connect(): Promise<void> {
    this._connecting = true;
    await this.db.waitReady;
    process.nextTick(() => this.emit('readyForQuery'));
  }
  requestSsl(): void {}
  startup(): void {}
  cancel(): void {}
  password(): void {}
  sendSASLInitialResponseMessage(mechanism: string, initialResponse: string): void {
    this.send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse));
  }
  sendSCRAMClientFinalMessage(additionalData: string): void {
    this.send(serialize.sendSCRAMClientFinalMessage(additionalData));
  }
  query(text: string): void {
    this.send(serialize.query(text));
  }
  parse(query: Parameters<typeof serialize.parse>[0]): void {
    this.send(serialize.parse(query));
  }
  bind(config: Parameters<typeof serialize.bind>[0]): void {
    this.send(serialize.bind(config));
  }
  execute(config: Parameters<typeof serialize.execute>[0]): void {
    this.send(serialize.execute(config));
  }
  flush(): void {
    this.send(serialize.flush());
  }
  sync(): void {
    this.send(serialize.sync());
  }
  close(msg: Parameters<typeof serialize.close>[0]): void {
    this.send(serialize.close(msg));
  }
  describe(msg: Parameters<typeof serialize.describe>[0]): void {
    this.send(serialize.describe(msg));
  }
  sendCopyFromChunk(chunk: Buffer): void {
    this.send(serialize.copyData(chunk));
  }
  endCopyFrom(): void {
    this.send(serialize.copyDone());
  }
  sendCopyFail(msg: string): void {
    this.send(serialize.copyFail(msg));
  }
  end(): void {
    // Like a socket closing: pg waits for 'end'. The database stays open for the pool's next client.
    this.queue = this.queue.then(() => {
      this.emit('end');
    });
    for (const name of this.eventNames()) if (name !== 'newListener') this.removeAllListeners(name);
    this.emitMessages = false;
  }
  ref(): void {}
  unref(): void {}
}
