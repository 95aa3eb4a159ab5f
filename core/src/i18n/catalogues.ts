import type { Locale } from '../contracts/common.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { fr, type Catalogue, type MessageKey } from './fr.ts';

/**
 * Each language's core catalogue. The web build puts a module of its own in this one's place
 * (`web/src/i18n/core-catalogues.ts`, ADR 0043): the same two exports, holding only the languages
 * loaded on the device, so that a phone downloads one language's strings, not the three.
 */
export const catalogues: Record<Locale, Catalogue> = { fr, ar, en };
export { fr, ar, en };

/** Has the core catalogue this key? (for keys built at run time, e.g. `field.<path>`). */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(fr, key);
}
