import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { translate, type Locale } from '@relais/core';
import { repoRoot, type Config } from '../config.ts';

/** Is the web app built where the server will serve it from? */
export function isWebBuilt(webDist: string): boolean {
  return fs.existsSync(path.join(webDist, 'index.html'));
}

/**
 * Before `relais start`: a checkout whose web app was never built gets it built (Vite, about a
 * minute); a RELAIS_WEB_DIST folder, or a checkout without Vite, gets a line saying how. Messages go
 * to standard error, in the operator's language; the server starts either way (and then answers a
 * page saying how to build the app, never a blank one). Returns whether the app is built.
 */
export function ensureWebBuilt(config: Pick<Config, 'webDist' | 'isDefaultWebDist'>, locale: Locale, say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): boolean {
  if (isWebBuilt(config.webDist)) return true;
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const web = path.join(repoRoot, 'web');
  if (config.isDefaultWebDist && fs.existsSync(vite) && fs.existsSync(path.join(web, 'vite.config.ts'))) {
    say(translate(locale, 'cli.webBuilding'));
    const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: web, stdio: ['ignore', 2, 2] });
    if (built.status === 0 && isWebBuilt(config.webDist)) return true;
    say(translate(locale, 'cli.webBuildFailed'));
    return false;
  }
  say(translate(locale, 'cli.webMissing', { dir: config.webDist }));
  return false;
}
