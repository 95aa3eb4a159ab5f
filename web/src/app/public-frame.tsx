import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

/** Frame of the screens shown before login (setup, login, loading). */
export function PublicFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="public">
      <header className="public-header">
        <span className="brand">
          <img src="/icons/icon-192.png" alt="" width={32} height={32} className="brand-icon" />
          {t('app.name')}
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="public-footer">{t('app.tagline')}</footer>
    </div>
  );
}
