/**
 * A catalogue in another language than French: every key of the French catalogue (written first,
 * `as const`), each with its text. `export const stockEn: Translations<typeof stockFr> = {…}`: a key
 * missing or added in one language is a type error.
 */
export type Translations<French> = Record<keyof French, string>;
