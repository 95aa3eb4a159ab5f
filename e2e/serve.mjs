// The browser tests' server: `relais start`, and a second organisation on the same instance when a
// spec asks for one (referrals cross organisations). Only the command line creates an organisation
// once the first exists (`relais init`), and the embedded database admits one process at a time: so
// on a request file this stops the server, runs `relais init`, and starts the server again.
// Request: `<data dir>/e2e-organisations/<CODE>.request.json` {code, name, admin, adminName, password};
// answer: `<CODE>.done.json` {status} once the server is back (status 0: created; else `init` failed,
// e.g. the code was taken by an earlier attempt).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const relais = path.join(root, 'server/bin/relais.js');
const requests = path.join(process.env.RELAIS_DATA_DIR ?? '.', 'e2e-organisations');
fs.mkdirSync(requests, { recursive: true });

let server = start();
let busy = false;
let stopping = false;

function start() {
  const child = spawn(process.execPath, [relais, 'start'], { cwd: root, env: process.env, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code) => {
    if (!stopping && !busy) process.exit(code ?? 1);
  });
  return child;
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function init(r) {
  return new Promise((resolve) => {
    const args = [relais, 'init', '--org', r.code, '--name', r.name, '--admin', r.admin, '--admin-name', r.adminName];
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, RELAIS_ADMIN_PASSWORD: r.password }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function serve(file) {
  busy = true;
  const r = JSON.parse(fs.readFileSync(path.join(requests, file), 'utf8'));
  fs.rmSync(path.join(requests, file));
  await stop(server);
  const status = await init(r);
  server = start();
  fs.writeFileSync(path.join(requests, `${r.code}.done.json`), JSON.stringify({ status }));
  busy = false;
}

setInterval(() => {
  if (busy) return;
  const file = fs.readdirSync(requests).find((f) => f.endsWith('.request.json'));
  if (file) void serve(file);
}, 300);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    void stop(server).then(() => process.exit(0));
  });
}
