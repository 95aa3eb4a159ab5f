import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { coreCataloguesByLanguage, fieldAssets } from './field-assets.ts';

// Vite 8 transforms TSX itself (oxc); no React plugin needed (no fast refresh in dev, by choice).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // The field screens are in the entry; the others are chunks loaded when opened (ADR 0025). The
  // service worker precaches the entry's files, listed by fieldAssets(), which also writes the
  // brotli and gzip copies the server sends. Each language's catalogues are chunks of their own,
  // core's too (ADR 0043).
  plugins: [coreCataloguesByLanguage(), fieldAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
    // Every module the entry imports statically in one chunk: a few files, not twenty small shared
    // ones (each a round trip on a slow network; six at a time over HTTP/1.1).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'field', tags: ['$initial'] }] } } },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
