// Prints the login page's markup in each language (JSON), for the build to put into index.html
// (web/field-assets.ts), so that a new device paints a login form from the HTML alone (ADR 0025).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { locales } from '@relais/core';
import { I18nProvider, loadCatalogue } from '../src/i18n/i18n.tsx';
import { PublicFrame } from '../src/app/public-frame.tsx';
import { LoginPage } from '../src/features/auth/login-page.tsx';

const noop = () => undefined;
await Promise.all(locales.map((locale) => loadCatalogue(locale)));
const pages = Object.fromEntries(
  locales.map((locale) => [locale, renderToStaticMarkup(createElement(I18nProvider, { locale, setLocale: noop }, createElement(PublicFrame, null, createElement(LoginPage, { onDone: noop }))))]),
);
process.stdout.write(JSON.stringify(pages));
