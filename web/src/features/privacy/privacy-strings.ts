import { addLazyStrings } from '../../i18n/i18n.tsx';
import { privacyWebAr } from './privacy.i18n.ar.ts';
import { privacyWebEn } from './privacy.i18n.en.ts';
import { privacyWebFr } from './privacy.i18n.ts';

// The privacy screens' strings come with their chunks, not in the field entry (ADR 0041): every
// module of this folder that shows them imports this file first (listed in web/package.json's
// `sideEffects`, else the bundler would drop an import that names nothing).
addLazyStrings({ fr: privacyWebFr, ar: privacyWebAr, en: privacyWebEn });
