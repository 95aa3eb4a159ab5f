import type { Locale, RegistrySettings } from '@relais/core';
import { setOfflineReads, type RequestOptions } from '../api/client.ts';
import { getRecord, openVaultUser, putRecord } from './vault.ts';
import { checkCodeOffline, settingsChanged } from './offline-codes.ts';

/**
 * The reads the field screens need, kept encrypted so that they open offline (ADR 0027): the
 * registry settings, the catalogue, the units and programs, the workers, the nurse's OST list
 * of a unit and day (codes and doses, sealed like everything here; keyed by its path and query),
 * and the persons' records she opened online (ADR 0036), so that she can correct one offline (the
 * edit waits in the outbox with the version it was made on). The code check offline answers from
 * the cached codes (offline-codes.ts).
 */
const KEPT = [/^\/registry\/settings$/, /^\/catalogue$/, /^\/org-units$/, /^\/programs$/, /^\/users$/, /^\/ost\/day$/, /^\/beneficiaries\/[0-9a-f-]{36}$/];
const KIND = 'read';

function keyOf(path: string, query: RequestOptions['query']): string {
  const params = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${String(v)}`);
  return params.length ? `${path}?${params.join('&')}` : path;
}

/** A kept read (undefined when not kept, or the store locked). */
export function keptRead<T>(path: string): Promise<T | undefined> {
  return getRecord<T>(KIND, path);
}

/** Plugs the kept reads and the offline code check into the API client. */
export function installOfflineReads(locale: () => Locale): void {
  setOfflineReads({
    remember(path, query, body) {
      if (!openVaultUser() || !KEPT.some((re) => re.test(path))) return;
      const value = body();
      // The offline code check holds the settings in memory while the store is open (offline-codes.ts).
      if (path === '/registry/settings') settingsChanged(value as RegistrySettings);
      void putRecord(KIND, keyOf(path, query), value).catch(() => undefined);
    },
    async recall(path, query) {
      if (path === '/beneficiaries/check') {
        const start = performance.now();
        const answer = await checkCodeOffline(String(query?.code ?? ''), locale());
        // A User Timing entry: the field bench reads how long the offline check took (npm run bench -- field).
        performance.measure('relais:offline-code-check', { start });
        return answer;
      }
      return KEPT.some((re) => re.test(path)) ? getRecord(KIND, keyOf(path, query)) : undefined;
    },
  });
}
