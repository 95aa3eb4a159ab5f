import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded database in ./data on 127.0.0.1:3000', () => {
    const c = loadConfig({});
    expect(c.database.engine).toBe('embedded');
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(3000);
    expect(c.backup.intervalHours).toBe(24);
  });

  it('uses the PostgreSQL server named by DATABASE_URL, without scheduled local backups', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/relais' });
    expect(c.database).toEqual({ engine: 'postgres', url: 'postgres://u@db:5432/relais' });
    expect(c.backup.intervalHours).toBe(0);
    expect(loadConfig({ DATABASE_URL: '' }).database.engine).toBe('embedded');
  });

  it('stops at start with every bad variable named', () => {
    const three = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', RELAIS_LOG_LEVEL: 'loud' });
    expect(three).toThrow(ConfigError);
    expect(three).toThrow(/RELAIS_LOG_LEVEL/);
    // Every bad variable is named in the one message.
    const bad = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/PORT/);
    expect(bad).toThrow(/DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//);
  });

  it('trusts X-Forwarded-For only from the proxies named, `true` meaning this machine', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ RELAIS_TRUST_PROXY: 'true' }).trustProxy).toEqual(['127.0.0.1/8', '::1/128']);
    expect(loadConfig({ RELAIS_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,fd00::/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    for (const bad of ['yes', '10.0.0.0/33', 'proxy.example.org', '10.0.0.1/8/8']) {
      expect(() => loadConfig({ RELAIS_TRUST_PROXY: bad })).toThrow(/RELAIS_TRUST_PROXY: must be false, true/);
    }
  });

  it('runs one HTTP process unless told; several only on a PostgreSQL server', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ RELAIS_WORKERS: '2', DATABASE_URL: 'postgres://localhost/relais' }).workers).toBe(2);
    expect(() => loadConfig({ RELAIS_WORKERS: '2' })).toThrow(/RELAIS_WORKERS: more than one process needs a PostgreSQL server/);
    expect(() => loadConfig({ RELAIS_WORKERS: '0', DATABASE_URL: 'postgres://localhost/relais' })).toThrow(ConfigError);
  });
});
