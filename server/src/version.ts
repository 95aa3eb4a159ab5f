import fs from 'node:fs';

/** The version of Relais, from the root package.json. */
export const version: string = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
