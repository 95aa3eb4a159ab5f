import { Writable } from 'node:stream';

/** How the server writes its log: JSON lines for machines, short readable lines for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/** RELAIS_LOG_FORMAT when set, else readable lines on a terminal and JSON everywhere else (files, journald, pipes). */
export function chooseLogFormat(setting: LogFormat | undefined, stdoutIsTTY: boolean): LogFormat {
  return setting ?? (stdoutIsTTY ? 'pretty' : 'json');
}

const levelNames: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
// Pino's own fields and Fastify's request objects: shown in the line itself, never as key=value.
const shownElsewhere = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err', 'v']);

interface LogRecord {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
  [key: string]: unknown;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function clock(time: number | undefined): string {
  const d = new Date(time ?? Date.now());
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/**
 * Turns pino's JSON lines into lines a person reads: `12:04:31 INFO  message key=value`.
 * A request is one line when it completes (`GET /api/v1/me 200 4 ms`); the "incoming request"
 * line is kept back until then. Lines that are not JSON pass through unchanged.
 */
export class PrettyLogFormatter {
  // Method and URL of requests still running, by request id (bounded: a crashed request is forgotten).
  private readonly pending = new Map<string, string>();

  /** The readable line for one JSON log line, or null when it is held back (an incoming request). */
  format(line: string): string | null {
    let r: LogRecord;
    try {
      r = JSON.parse(line) as LogRecord;
    } catch {
      return line;
    }
    if (typeof r !== 'object' || r === null) return line;
    // Relais prints its own "ready" line with the address to open; Fastify's would repeat it.
    if (r.msg?.startsWith('Server listening at ')) return null;
    if (r.msg === 'incoming request' && r.reqId && r.req) {
      if (this.pending.size > 1000) this.pending.clear();
      this.pending.set(r.reqId, `${r.req.method ?? ''} ${r.req.url ?? ''}`);
      return null;
    }
    const level = (levelNames[r.level ?? 30] ?? 'INFO').padEnd(5);
    let text = r.msg ?? '';
    if (r.msg === 'request completed' && r.reqId) {
      const request = this.pending.get(r.reqId) ?? '';
      this.pending.delete(r.reqId);
      text = `${request} ${r.res?.statusCode ?? ''} ${Math.round(r.responseTime ?? 0)} ms`.trim();
    }
    const extras = Object.entries(r)
      .filter(([key, value]) => !shownElsewhere.has(key) && value !== undefined)
      .map(([key, value]) => `${key}=${showValue(value)}`);
    let out = `${clock(r.time)} ${level} ${text}${extras.length ? `  ${extras.join(' ')}` : ''}`;
    if (r.err) out += `\n  ${r.err.stack ?? r.err.message ?? ''}`;
    return out;
  }
}

/** A stream for pino that writes readable lines to `out` (standard output by default). */
export function prettyLogStream(out: NodeJS.WritableStream = process.stdout): Writable {
  const formatter = new PrettyLogFormatter();
  let rest = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (!line) continue;
        const shown = formatter.format(line);
        if (shown !== null) out.write(`${shown}\n`);
      }
      done();
    },
  });
}
