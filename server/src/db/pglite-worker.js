// @ts-check
// Runs the embedded PostgreSQL (PGlite, WebAssembly) in a worker thread: a PGlite
// query blocks its thread for its whole duration, so it must not be the HTTP
// event loop's thread (ADR 0002). The main thread speaks the PostgreSQL wire
// protocol to it: it sends frontend messages, gets the backend bytes back.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';

if (!parentPort) throw new Error('pglite-worker must run in a worker thread');
const port = parentPort;

/** @type {PGlite} */
let pglite;
try {
  pglite = await PGlite.create({ dataDir: workerData.dataDir, extensions: { pg_trgm, fuzzystrmatch } });
  port.postMessage({ type: 'ready' });
} catch (error) {
  port.postMessage({ type: 'failed', message: String(error instanceof Error ? error.stack : error) });
  throw error;
}

// Messages are handled one after the other: PGlite is a single session.
let queue = Promise.resolve();
port.on('message', (/** @type {{ type: string, id: number, data?: Uint8Array }} */ msg) => {
  queue = queue.then(async () => {
    if (msg.type === 'exec' && msg.data) {
      try {
        const out = await pglite.execProtocolRaw(msg.data);
        // `out` may be a view on WebAssembly memory: copy before transferring.
        const copy = out.slice();
        port.postMessage({ type: 'result', id: msg.id, data: copy }, [copy.buffer]);
      } catch (error) {
        port.postMessage({ type: 'error', id: msg.id, message: String(error instanceof Error ? error.message : error) });
      }
    } else if (msg.type === 'close') {
      await pglite.close();
      port.postMessage({ type: 'closed', id: msg.id });
    }
  });
});
