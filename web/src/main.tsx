import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, initialLocale } from './app/app.tsx';
import { keepOnePrelogin } from './features/auth/prelogin.ts';
import { loadCatalogue } from './i18n/i18n.tsx';
import './ui/styles.css';

const root = document.getElementById('root');
if (root) {
  keepOnePrelogin(root);
  // The language's catalogue is a chunk of its own (ADR 0043); the login page's first script
  // (`prelogin.ts`) already asked for it, so it usually arrives with this one.
  const start = () =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  loadCatalogue(initialLocale()).then(start, (error: unknown) => {
    // Only if its chunk is out of reach (offline before the first visit of this version): the
    // written login form stays, inert.
    console.error('the catalogue could not load', error);
  });
}

// Offline shell: production only (in dev the service worker would cache Vite's modules).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('Service worker registration failed', error);
    });
  });
}
