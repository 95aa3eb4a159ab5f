// Relais service worker (hand-written; the build fills VERSION and FIELD_ASSETS, web/field-assets.ts).
// - install: precache the app shell and every file of the field entry (the field screens open
//   offline after one online visit, ADR 0025);
// - /assets/* (content-hashed by Vite): cache first; the other screens' chunks are cached when
//   first loaded;
// - navigations: network first, falling back to the cached index.html (offline start);
// - /api/*: never cached here (always the network; offline data is the app's encrypted store);
// - activate: delete caches of older versions.
const VERSION = 'dev';
const FIELD_ASSETS = [];
const SHELL_CACHE = `relais-shell-${VERSION}`;
const ASSET_CACHE = `relais-assets-${VERSION}`;
const SHELL = ['/', '/index.html', '/boot.js', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];

self.addEventListener('install', (event) => {
  const reload = (url) => new Request(url, { cache: 'reload' });
  event.waitUntil(
    Promise.all([
      caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL.map(reload))),
      caches.open(ASSET_CACHE).then((cache) => cache.addAll(FIELD_ASSETS.map(reload))),
    ]).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  const keep = new Set([SHELL_CACHE, ASSET_CACHE]);
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('relais-') && !keep.has(key)).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function assetFirst(request) {
  const cache = await caches.open(ASSET_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function navigation(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    // Keep the latest shell for offline starts (index.html references the current hashed assets).
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      await cache.put('/index.html', response.clone());
    }
    return response;
  } catch (error) {
    const cached = (await cache.match('/index.html')) ?? (await cache.match('/'));
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return; // never cached: the browser goes to the network
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(assetFirst(request));
    return;
  }
  if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
  }
});
