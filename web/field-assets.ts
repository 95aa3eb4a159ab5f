import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** Files worth compressing (text); images and fonts are already compressed. */
const compressible = /\.(js|mjs|css|html|json|webmanifest|svg|txt)$/;
/** Below this size a compressed copy saves less than its headers cost. */
const minBytes = 1024;
/** Chunks loaded later (outside the entry's budget) but precached: the contact form's voice recorder (ADR 0035), the card scanner (ADR 0041). */
const offlineLazyChunks = ['voice-recorder', 'card-scan'];
/** The languages whose web catalogue is a chunk of its own (`src/i18n/<locale>.ts`, ADR 0043): core's `locales`. */
const catalogueLocales = ['fr', 'ar', 'en'] as const;

/** A language's catalogue chunks (`web/src/i18n/<locale>.ts` and `core/src/i18n/<locale>.ts`) and the files they import. */
function catalogueFiles(bundle: OutputBundle, locale: string): Set<string> {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk' && /\/(web|core)\/src\/i18n\/[a-z]+\.ts$/.test(file.facadeModuleId ?? '') && (file.facadeModuleId ?? '').endsWith(`/${locale}.ts`));
  if (chunks.length !== 2) throw new Error(`relais-field-assets: the ${locale} catalogues are in ${chunks.length} chunks, not 2 (web and core)`);
  const files = new Set<string>();
  for (const chunk of chunks) chunkFiles(bundle, chunk.fileName, files);
  return files;
}

/** A chunk's file and the files it imports statically, with their CSS. */
function chunkFiles(bundle: OutputBundle, fileName: string, files = new Set<string>()): Set<string> {
  if (files.has(fileName)) return files;
  files.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type !== 'chunk') return files;
  for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
  for (const imported of chunk.imports) chunkFiles(bundle, imported, files);
  return files;
}

/**
 * The build's offline and wire budget (ADR 0025, 0043), after Vite wrote `dist/`:
 * - the service worker (`dist/sw.js`) gets the list of the field entry's files (the entry chunk,
 *   the chunks it imports statically and their CSS: every field screen; `offlineLazyChunks`; the
 *   three languages' catalogues) to precache, and a version derived from that list and boot.js,
 *   so a new build installs a new worker;
 * - index.html gets the login page written in each language, the entry's CSS inline, and each
 *   language's catalogue files listed for boot.js;
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
      const files = chunkFiles(bundle, entry.fileName);
      // Lazy chunks a field screen needs offline although not at first paint, and the three
      // languages' catalogues (a language can be chosen offline): cached with the entry.
      for (const file of Object.values(bundle)) if (file.type === 'chunk' && offlineLazyChunks.includes(file.name)) chunkFiles(bundle, file.fileName, files);
      for (const locale of catalogueLocales) for (const file of catalogueFiles(bundle, locale)) chunkFiles(bundle, file, files);
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
        // Each language's catalogue files (those the entry does not load), for public/boot.js to ask
        // for the device's language at once, beside the entry, instead of after it (ADR 0043).
        if (!inlined.includes(catalogueMarker)) throw new Error(`relais-field-assets: index.html lacks its ${catalogueMarker} marker`);
        const entry = Object.values(bundle).find((file): file is OutputChunk => file.type === 'chunk' && file.isEntry);
        const loaded = entry ? chunkFiles(bundle, entry.fileName) : new Set<string>();
        const metas = catalogueLocales.map((locale) => {
          const files = [...catalogueFiles(bundle, locale)].filter((file) => !loaded.has(file) && file.endsWith('.js'));
          return `<meta name="relais-catalogue-${locale}" content="${files.map((file) => `/${file}`).join(' ')}" />`;
        });
        return inlined.replace(catalogueMarker, metas.join('\n    '));
      },
    },
    closeBundle() {
      writeServiceWorker(outDir, precache);
      precompress(outDir);
    },
  };
}

/**
 * Core's catalogue table (`core/src/i18n/catalogues.ts`: the three languages, statically) replaced
 * in the web app by `src/i18n/core-catalogues.ts`, which loads one language at a time (ADR 0043).
 */
export function coreCataloguesByLanguage(): Plugin {
  const coreTable = path.join('core', 'src', 'i18n', 'index.ts');
  const webTable = fileURLToPath(new URL('./src/i18n/core-catalogues.ts', import.meta.url));
  return {
    name: 'relais-core-catalogues',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './catalogues.ts' && importer && path.normalize(importer).endsWith(coreTable)) return webTable;
      return null;
    },
  };
}

const loginMarker = '<!--relais:login-->';
const catalogueMarker = '<!--relais:catalogues-->';

/**
 * The login page (public frame and form) in each language, rendered by React on the server
 * (`scripts/prerender-login.ts`) from the same components and catalogues as the app; `public/boot.js`
 * sets the document's language before the first paint and the CSS shows that language's copy.
 * Its button is disabled in the markup (no native submission of a password without a script);
 * boot.js makes it live and sends the login itself, whose answer the app reads, and the app takes
 * over what was typed (`src/features/auth/prelogin.ts`, ADR 0043).
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

/** Fills the service worker's precache list and version (markers in `public/sw.js`): a new list or a new boot.js, a new worker. */
function writeServiceWorker(outDir: string, precache: readonly string[]): void {
  const file = path.join(outDir, 'sw.js');
  const source = fs.readFileSync(file, 'utf8');
  // boot.js has no hash in its name (index.html names it before any script runs): its content counts.
  const version = crypto.createHash('sha256').update(precache.join('\n')).update(fs.readFileSync(path.join(outDir, 'boot.js'))).digest('hex').slice(0, 12);
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
