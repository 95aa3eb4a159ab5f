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
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', RELAIS_LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//);
    }
  });
});
