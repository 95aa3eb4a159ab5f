import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing (text); images and fonts are already compressed. */
const compressible = /\.(js|mjs|css|html|json|webmanifest|svg|txt)$/;
/** Below this size a compressed copy saves less than its headers cost. */
const minBytes = 1024;
/** Chunks loaded later (outside the entry's budget) but precached: the contact form's voice recorder (ADR 0035), the card scanner (ADR 0041). */
const offlineLazyChunks = ['voice-recorder', 'card-scan'];

/**
 * The build's offline and wire budget (ADR 0025), after Vite wrote `dist/`:
 * - the service worker (`dist/sw.js`) gets the list of the field entry's files (the entry chunk,
 *   the chunks it imports statically and their CSS: every field screen; and `offlineLazyChunks`) to precache, and a
 *   version derived from that list, so a new build installs a new worker;
 * - every text file gets a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy, written
 *   once here so the server sends them without compressing per request (`@fastify/static`'s
 *   `preCompressed`).
 */
export function fieldAssets(): Plugin {
  let outDir = '';
  let precache: string[] = [];
  return {
    name: 'relais-field-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
      if (!entry || entry.type !== 'chunk') throw new Error('relais-field-assets: no entry chunk');
      const files = new Set<string>();
      const visit = (fileName: string) => {
        if (files.has(fileName)) return;
        files.add(fileName);
        const chunk = bundle[fileName];
        if (chunk?.type !== 'chunk') return;
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const imported of chunk.imports) visit(imported);
      };
      visit(entry.fileName);
      // Lazy chunks a field screen needs offline although not at first paint: cached with the entry.
      for (const file of Object.values(bundle)) if (file.type === 'chunk' && offlineLazyChunks.includes(file.name)) visit(file.fileName);
      precache = [...files].sort().map((file) => `/${file}`);
    },
    // The login page painted from index.html alone (ADR 0025): its markup in each language and the
    // entry's CSS inline, so a new device on a slow network shows a login form after one round
    // trip instead of after the field entry (≈ 250 KB) arrived.
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return html;
        const bundle = context.bundle;
        let inlined = html.replace(/<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g, (link, fileName: string) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') return link;
          return `<style>${String(asset.source).replaceAll('</style', '<\\/style')}</style>`;
        });
        if (!inlined.includes(loginMarker)) throw new Error(`relais-field-assets: index.html lacks its ${loginMarker} marker`);
        inlined = inlined.replace(loginMarker, prerenderedLogin(path.dirname(outDir)));
        return inlined;
      },
    },
    closeBundle() {
      writeServiceWorker(outDir, precache);
      precompress(outDir);
    },
  };
}

const loginMarker = '<!--relais:login-->';

/**
 * The login page (public frame and form) in each language, rendered by React on the server
 * (`scripts/prerender-login.ts`) from the same components and catalogues as the app; `public/boot.js`
 * sets the document's language before the first paint and the CSS shows that language's copy.
 * The form is inert until the app starts (its button disabled: no native submission); the app
 * takes over what was typed (`src/main.tsx`).
 */
function prerenderedLogin(webRoot: string): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prerender-login.ts'], { cwd: webRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`relais-field-assets: prerendering the login page failed: ${run.stderr}`);
  const pages = JSON.parse(run.stdout) as Record<string, string>;
  return Object.entries(pages)
    .map(([locale, markup]) => {
      const inert = markup
        .replace(/<link rel="preload"[^>]*>/g, '')
        .replace(/(id|for)="_R_/g, `$1="login-${locale}_R_`)
        .replace(/<button type="submit"/g, '<button type="submit" disabled=""')
        .replace(/<select /g, '<select disabled="" ');
      return `<div class="prelogin" data-prelogin="" lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">${inert}</div>`;
    })
    .join('');
}

/** Fills the service worker's precache list and version (markers in `public/sw.js`). */
function writeServiceWorker(outDir: string, precache: readonly string[]): void {
  const file = path.join(outDir, 'sw.js');
  const source = fs.readFileSync(file, 'utf8');
  const version = crypto.createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
  const versionMarker = "const VERSION = 'dev';";
  const listMarker = 'const FIELD_ASSETS = [];';
  if (!source.includes(versionMarker) || !source.includes(listMarker)) throw new Error('relais-field-assets: sw.js lacks its VERSION or FIELD_ASSETS marker');
  const filled = source.replace(versionMarker, `const VERSION = '${version}';`).replace(listMarker, `const FIELD_ASSETS = ${JSON.stringify(precache)};`);
  fs.writeFileSync(file, filled);
}

/** Writes `.br` and `.gz` beside each text file of the build (when smaller than it). */
function precompress(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      precompress(file);
      continue;
    }
    if (!compressible.test(entry.name)) continue;
    const content = fs.readFileSync(file);
    if (content.length < minBytes) continue;
    const brotli = zlib.brotliCompressSync(content, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT },
    });
    const gzip = zlib.gzipSync(content, { level: 9 });
    if (brotli.length < content.length) fs.writeFileSync(`${file}.br`, brotli);
    if (gzip.length < content.length) fs.writeFileSync(`${file}.gz`, gzip);
  }
}
