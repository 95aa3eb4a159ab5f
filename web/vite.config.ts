import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Vite 8 transforms TSX itself (oxc); no React plugin needed (no fast refresh in dev, by choice).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // One chunk on purpose: the service worker caches what the shell loads, and a lazily loaded
  // screen would be missing offline until first visited. ~500 kB (≈130 kB gzipped) is fine.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 800 },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
