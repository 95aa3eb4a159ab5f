import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, engine, type TestApp } from './harness.ts';

// Field phones on slow mobile data: responses travel compressed when the client accepts it.
describe(`compressed responses (${engine})`, () => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await createOrg(t, 'ZIP');
    cookie = org.admin.cookie!;
  });
  afterAll(() => t.close());

  it('compresses API responses with gzip or brotli, and not for a client that does not ask', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzip = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const catalogue = await t.app.inject({ method: 'GET', url: '/api/v1/catalogue', headers: { cookie, 'accept-encoding': 'br' } });
    expect(catalogue.statusCode).toBe(200);
    expect(catalogue.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(catalogue.rawPayload).toString())).toHaveProperty('services');
  });
});
