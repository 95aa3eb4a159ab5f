#!/usr/bin/env node
// `npm run audit`: the dependency audit of what ships (`npm audit --omit=dev`), as CI runs it.
// A known vulnerability of high or critical severity in a production dependency fails (exit 1),
// with each advisory listed. When the registry's audit endpoint cannot be reached (no network,
// a proxy or mirror without the endpoint: `405 Method Not Allowed`), it says so and passes: CI
// must not depend on a network it may not have. RELAIS_AUDIT_REQUIRED=1 makes that a failure too
// (a machine that does have the network). CONTRIBUTING.md says how to answer a finding.
// `node scripts/audit.mjs report.json` judges a saved `npm audit --json` report instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const failAt = ['high', 'critical'];
const res = process.argv[2]
  ? { stdout: fs.readFileSync(process.argv[2], 'utf8'), stderr: '', status: 1 }
  : spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report = null;
try {
  report = JSON.parse(res.stdout);
} catch {
  // not JSON: npm itself failed before asking
}

const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const why = report?.message ?? report?.error?.summary ?? (res.stderr.trim().split('\n').pop() || `npm audit exited ${res.status}`);
  console.log(`dependency audit: not run, the audit endpoint did not answer (${why})`);
  if (process.env.RELAIS_AUDIT_REQUIRED === '1') {
    console.log('RELAIS_AUDIT_REQUIRED=1: failing');
    process.exit(1);
  }
  process.exit(0);
}

const findings = Object.values(report.vulnerabilities ?? {}).filter((v) => failAt.includes(v.severity));
const summary = Object.entries(counts).filter(([k, n]) => k !== 'total' && n > 0).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
console.log(`dependency audit (production dependencies): ${summary}`);
for (const v of findings) {
  const advisories = (v.via ?? []).filter((a) => typeof a === 'object').map((a) => `${a.title} (${a.url})`);
  const fix = v.fixAvailable === true ? 'npm audit fix' : v.fixAvailable ? `upgrade ${v.fixAvailable.name} to ${v.fixAvailable.version}` : 'no fix published';
  console.log(`  ${v.severity}: ${v.name} ${v.range} — ${advisories.join('; ') || `through ${(v.via ?? []).join(', ')}`} — ${fix}`);
}
process.exit(findings.length ? 1 : 0);
