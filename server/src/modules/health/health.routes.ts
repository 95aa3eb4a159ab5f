import { Health } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { Engine } from '../../db/index.ts';

const started = Date.now();

export function registerHealthRoutes(router: Router, engine: Engine, version: string): void {
  router.public({
    method: 'GET',
    url: '/health',
    summary: 'Liveness: answers without touching the database, even while a long query runs',
    tag: 'health',
    response: Health,
    handler: async () => ({ status: 'ok' as const, version, engine, uptimeSeconds: Math.round((Date.now() - started) / 1000) }),
  });
}
