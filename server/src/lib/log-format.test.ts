import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { loadConfig } from '../config.ts';
import { chooseLogFormat, PrettyLogFormatter, prettyLogStream } from './log-format.ts';

describe('log format', () => {
  it('is readable on a terminal and JSON lines elsewhere, unless RELAIS_LOG_FORMAT says', () => {
    expect(chooseLogFormat(undefined, true)).toBe('pretty');
    expect(chooseLogFormat(undefined, false)).toBe('json');
    expect(chooseLogFormat('json', true)).toBe('json');
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({ RELAIS_LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(() => loadConfig({ RELAIS_LOG_FORMAT: 'fancy' })).toThrow(/RELAIS_LOG_FORMAT/);
  });

  it('shows a request as one line when it completes, with fields as key=value', () => {
    const f = new PrettyLogFormatter();
    const time = new Date(2026, 0, 5, 9, 4, 7).getTime();
    expect(f.format(JSON.stringify({ level: 30, time, reqId: 'r1', req: { method: 'GET', url: '/api/v1/me' }, msg: 'incoming request' }))).toBeNull();
    expect(f.format(JSON.stringify({ level: 30, time, reqId: 'r1', res: { statusCode: 200 }, responseTime: 3.6, msg: 'request completed' }))).toBe('09:04:07 INFO  GET /api/v1/me 200 4 ms');
    expect(f.format(JSON.stringify({ level: 40, time, pid: 1, hostname: 'h', organisations: 2, note: 'two words', msg: 'report rules changed' }))).toBe('09:04:07 WARN  report rules changed  organisations=2 note="two words"');
    expect(f.format(JSON.stringify({ level: 50, time, err: { message: 'boom', stack: 'Error: boom\n    at x' }, msg: 'unhandled error' }))).toBe('09:04:07 ERROR unhandled error\n  Error: boom\n    at x');
    expect(f.format(JSON.stringify({ level: 30, time, msg: 'Server listening at http://127.0.0.1:3000' }))).toBeNull();
    expect(f.format('not json')).toBe('not json');
  });

  it('writes whole lines to its output, however pino splits the chunks', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (d) => (text += d));
    const stream = prettyLogStream(out);
    const line = JSON.stringify({ level: 30, time: new Date(2026, 0, 5, 9, 4, 7).getTime(), msg: 'backup written' });
    stream.write(line.slice(0, 10));
    stream.write(`${line.slice(10)}\n`);
    await new Promise((resolve) => setImmediate(resolve));
    expect(text).toBe('09:04:07 INFO  backup written\n');
  });
});
