import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, copyTemplate, createTestDatabase, engine, testConfig } from '../test/harness.ts';
import { registerBeneficiary } from '../test/factories.ts';
import { buildApp } from './app.ts';
import { sampleDirectory } from './demo/directory-sample.ts';

const relaisBin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/relais.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// The `relais` command as an operator runs it, on the engine under test.
// Each command is a process of its own (start-up, migrations check): slow on the embedded engine of a shared machine.
describe(`relais command line (${engine})`, { timeout: 180_000 }, () => {
  const targets: Array<{ drop(): Promise<void> }> = [];
  let envA: NodeJS.ProcessEnv;
  let envB: NodeJS.ProcessEnv;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-cli-'));

  /**
   * An environment pointing at a database of the engine under test: a migrated, empty one (a
   * copy of the run's template, which the command finds up to date), or with `empty` one that
   * nothing has touched yet (a new install: the command creates and migrates it).
   */
  async function envOn(name: string, empty = false): Promise<NodeJS.ProcessEnv> {
    const base: NodeJS.ProcessEnv = { ...process.env, RELAIS_LANG: 'fr', RELAIS_LOG_LEVEL: 'warn', RELAIS_DATA_DIR: path.join(dir, name) };
    delete base.DATABASE_URL;
    delete base.RELAIS_ADMIN_PASSWORD;
    if (empty && engine === 'postgres') {
      const t = await createTestDatabase();
      await t.db.close(); // the CLI opens it itself
      targets.push(t);
      base.DATABASE_URL = t.url!;
    } else if (!empty) {
      const t = await copyTemplate();
      targets.push(t);
      if (t.url) base.DATABASE_URL = t.url;
      else base.RELAIS_DATA_DIR = t.dataDir;
    }
    return base;
  }

  const relais = (env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [relaisBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });

  beforeAll(async () => {
    envA = await envOn('a');
    envB = await envOn('b', true); // restored into a new install
  });
  afterAll(async () => {
    for (const t of targets) await t.drop().catch(() => undefined);
  });

  it('initialises an organisation without prompts, and refuses a second one with the same code', async () => {
    const ok = await relais({ ...envA, RELAIS_ADMIN_PASSWORD: 'a long chief passphrase' }, 'init', '--org', 'cli', '--name', 'Association CLI');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('organisation CLI created');
    const again = await relais({ ...envA, RELAIS_ADMIN_PASSWORD: 'a long chief passphrase' }, 'init', '--org', 'CLI', '--name', 'Again');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Ce code d’organisation est déjà utilisé.');
  });

  it('says which option is wrong, in the operator’s language, with a non-zero exit', async () => {
    const res = await relais({ ...envA, RELAIS_ADMIN_PASSWORD: 'short', RELAIS_LANG: 'en' }, 'init', '--org', 'X2', '--name', 'X');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Administrator password (admin.password): at least 10 characters.');
    const unknown = await relais(envA, 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const noPassword = await relais(envA, 'init', '--org', 'X3', '--name', 'X');
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('RELAIS_ADMIN_PASSWORD is not set');
  });

  it('creates a user, backs up, and restores into another database', async () => {
    const user = await relais(
      { ...envA, RELAIS_USER_PASSWORD: 'a long user password' },
      'create-user', '--org', 'CLI', '--username', 'ep.one', '--name', 'EP One', '--role', 'peer_educator', '--unit', 'CLI', '--programs', 'prev_ps',
    );
    expect(user.stderr).toBe('');
    expect(user.stdout).toContain('user ep.one created');
    const file = path.join(dir, 'cli-backup.jsonl.gz');
    const backup = await relais(envA, 'backup', file);
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(100);
    const restore = await relais(envB, 'restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    // The restored database knows the organisation and the user: creating either again conflicts.
    const dup = await relais({ ...envB, RELAIS_USER_PASSWORD: 'a long user password' }, 'create-user', '--org', 'CLI', '--username', 'ep.one', '--name', 'EP', '--role', 'viewer', '--unit', 'CLI');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('Cet identifiant est déjà utilisé.');
    const overwrite = await relais(envB, 'restore', file);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toContain('already holds data');
  });

  it('finds a code and its probable duplicates as JSON lines', async () => {
    // Registered through the API, as the registry stores them (the CLI reads; registration is the API's).
    const { openDatabase } = await import('./db/index.ts');
    const db = await openDatabase(envA.DATABASE_URL ? { engine: 'postgres', url: envA.DATABASE_URL } : { engine: 'embedded', dataDir: envA.RELAIS_DATA_DIR! });
    const app = await buildApp({ config: testConfig(), db });
    try {
      const admin = await new Client(app).login('CLI', 'admin', 'a long chief passphrase');
      const unit = admin.me!.assignments[0]!.orgUnit.id;
      for (const [i, code] of ['FAMO1985F', 'FEMO1985F', 'FAMO1986F', 'ZOZO1970M'].entries()) {
        await registerBeneficiary(admin, {
          id: `5e5e0000-0000-4000-8000-00000000000${i}`, code, orgUnitId: unit, registeredOn: '2024-01-01', populations: ['PS'],
          sex: code.endsWith('M') ? 'M' : 'F', birthYear: null, // no birth years: the report below counts them as unknown
        });
      }
    } finally {
      await app.close();
      await db.close();
    }
    const res = await relais(envA, 'find', '--org', 'cli', 'famo1985f', '--format', 'jsonl');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; kind: string; score: number; reasons: { kind: string }[] });
    expect(lines[0]).toEqual({ code: 'FAMO1985F', kind: 'exact', score: 1, reasons: [] });
    expect(lines.slice(1).map((l) => [l.code, l.kind, l.reasons[0]!.kind])).toEqual([
      ['FAMO1986F', 'probable', 'year_off_by_one'],
      ['FEMO1985F', 'probable', 'spelling_variant'],
    ]);
    const bad = await relais(envA, 'find', '--org', 'CLI', 'FAMO19');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('le code doit avoir 9 caractères (il en a 6), ex. FAMO1985F.');
  });

  it('reports indicators with totals, as JSON lines, CSV and a real spreadsheet', async () => {
    const services = path.join(dir, 'services.csv');
    fs.writeFileSync(services, [
      'code,date,section,program,service,quantity,modality,worker',
      'FAMO1985F,2024-03-01,CLI,prev_ps,outreach_contact,,in_person,admin',
      'FAMO1985F,2024-03-01,CLI,prev_ps,condoms,12,,admin',
      'FEMO1985F,2024-04-01,CLI,prev_ps,outreach_contact,,phone,', // no worker (a paper register): optional here too
      'FEMO1985F,2024-04-01,CLI,prev_ps,condoms,8,,',
    ].join('\n'));
    expect((await relais(envA, 'import', '--org', 'CLI', '--kind', 'services', services)).code).toBe(0);
    const res = await relais(envA, 'report', '--org', 'CLI', '--program', 'prev_ps', '--period', '2024', '--indicators', 'reached,condoms_distributed', '--by', 'org_unit,age_band', '--format', 'jsonl');
    expect(res.stderr).toBe('');
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual({ indicator: 'reached', period: '2024', org_unit: '*', age_band: '*', value: 2, target: null, gap: null, achievement: null });
    expect(lines).toContainEqual({ indicator: 'condoms_distributed', period: '2024', org_unit: 'CLI', age_band: '*', value: 20, target: null, gap: null, achievement: null });
    expect(lines).toContainEqual({ indicator: 'reached', period: '2024', org_unit: '*', age_band: 'unknown', value: 2, target: null, gap: null, achievement: null }); // no birth years
    // Zero cells are rows: nobody under 25, the band is listed with 0 (as on the screens and in the files).
    expect(lines).toContainEqual({ indicator: 'reached', period: '2024', org_unit: 'CLI', age_band: '<25', value: 0, target: null, gap: null, achievement: null });
    const csv = await relais(envA, 'report', '--org', 'CLI', '--program', 'prev_ps', '--period', '2024', '--indicators', 'reached', '--format', 'csv');
    expect(csv.stdout).toBe('\ufeffindicator,period,value,target,gap,achievement\r\nreached,2024,2,,,\r\n');
    const file = path.join(dir, 'report.xlsx');
    expect((await relais(envA, 'report', '--org', 'CLI', '--program', 'prev_ps', '--period', '2024', '--indicators', 'reached,condoms_distributed,testing_rate', '--by', 'org_unit', '--format', 'xlsx', '--output', file)).code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'indicator', 'period', 'org_unit', 'value', 'target', 'gap', 'achievement']);
    const cells = [2, 3, 4, 5].map((r) => sheet.getRow(r).values as unknown[]);
    expect(cells).toContainEqual([undefined, 'condoms_distributed', '2024', 'CLI', 20]);
    expect(typeof cells[0]![4]).toBe('number');
    // Rates are numbers formatted as percentages, counts are not.
    const rates = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).filter((r) => r.getCell(1).value === 'testing_rate');
    expect(rates.length).toBeGreaterThan(0);
    for (const r of rates) expect(r.getCell(4).numFmt).toBe('0.0%');
    expect(sheet.getRow(2).getCell(4).numFmt).not.toContain('%');
    const bad = await relais(envA, 'report', '--org', 'CLI', '--program', 'prev_ps', '--period', '2024-H1', '--indicators', 'reached');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('period');
  });

  it('reports the gbv program’s case indicators like every indicator: by violence type, each type of the typology a row, zeros included', async () => {
    const gbv = await relais(envA, 'report', '--org', 'CLI', '--program', 'gbv', '--period', '2024-S1', '--indicators', 'cases_opened,survivors_cared,retention_rate', '--by', 'violence_type', '--format', 'jsonl');
    expect(gbv.stderr).toBe('');
    const gbvLines = gbv.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const empty = { target: null, gap: null, achievement: null };
    expect(gbvLines.filter((l) => l.indicator === 'cases_opened')).toHaveLength(9); // eight types and the total
    expect(gbvLines).toContainEqual({ indicator: 'cases_opened', period: '2024-S1', violence_type: 'rape', value: 0, ...empty });
    expect(gbvLines).toContainEqual({ indicator: 'survivors_cared', period: '2024-S1', violence_type: '*', value: 0, ...empty });
    expect(gbvLines).toContainEqual({ indicator: 'retention_rate', period: '2024-S1', violence_type: '*', value: null, ...empty }); // no case open at the start
  });

  it('imports cases whole or not at all, again without creating anything, and the case indicators count them', async () => {
    const header = 'code,program,section,opened_at,entry_door,incident_at,violence_type,closed_on,closure_reason';
    const bad = path.join(dir, 'cases-bad.csv');
    fs.writeFileSync(bad, [header, 'FAMO1985F,gbv,CLI,2024-02-03T10:15,outreach,2024-02-02,rape,,', 'FEMO1985F,gbv,CLI,2024-03-01,walk_in,2024-02-20,kidnapping,,'].join('\n'));
    const refused = await relais(envA, 'import', '--org', 'CLI', '--kind', 'cases', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('violence_type');
    expect(JSON.parse(refused.stdout)).toMatchObject({ created: 0, applied: false, errors: 1 });
    const good = path.join(dir, 'cases.csv');
    fs.writeFileSync(good, [header, 'FAMO1985F,gbv,CLI,2024-02-03T10:15,outreach,2024-02-02,rape,,', 'FEMO1985F,gbv,CLI,2024-03-01,walk_in,,,2024-05-01,goals_met'].join('\n'));
    const first = await relais(envA, 'import', '--org', 'CLI', '--kind', 'cases', good);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ rows: 2, created: 2, unchanged: 0, applied: true, errors: 0 });
    expect(JSON.parse((await relais(envA, 'import', '--org', 'CLI', '--kind', 'cases', good)).stdout)).toMatchObject({ created: 0, unchanged: 2, applied: true });
    const res = await relais(envA, 'report', '--org', 'CLI', '--program', 'gbv', '--period', '2024-S1', '--indicators', 'cases_opened', '--by', 'violence_type', '--format', 'jsonl');
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ indicator: 'cases_opened', violence_type: '*', value: 2 }));
    expect(lines).toContainEqual(expect.objectContaining({ indicator: 'cases_opened', violence_type: 'rape', value: 1 }));
  });

  it('imports the directory as HSDS, refuses a broken file naming the path, and exports the same ids', async () => {
    const sample = sampleDirectory({ services: 6, locations: 8, contacts: 12, today: new Date().toISOString().slice(0, 10) });
    const good = path.join(dir, 'directory.json');
    fs.writeFileSync(good, JSON.stringify(sample));
    const broken = structuredClone(sample) as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    broken[2]!.service_at_locations[0].location.latitude = 200;
    const bad = path.join(dir, 'directory-bad.json');
    fs.writeFileSync(bad, JSON.stringify(broken));
    const refused = await relais(envA, 'import', '--org', 'CLI', '--kind', 'directory', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[2].service_at_locations[0].location.latitude');
    const imported = await relais(envA, 'import', '--org', 'CLI', '--kind', 'directory', good);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ kind: 'directory', services: 6, locations: 8, contacts: 12 });
    const out = path.join(dir, 'export.json');
    const exported = await relais(envA, 'export', '--org', 'CLI', '--kind', 'directory', '--format', 'hsds', '--output', out);
    expect(exported.code, exported.stderr).toBe(0);
    const back = JSON.parse(fs.readFileSync(out, 'utf8')) as Array<{ id: string; assured_date: string; phones: Array<{ number: string }> }>;
    expect(back.map((x) => [x.id, x.assured_date, x.phones[0]!.number]).sort()).toEqual(sample.map((x) => [x.id, x.assured_date, x.phones[0]!.number]).sort());
  });

  it('starts with the address to open as its first line, and answers a page saying how to build a missing web app', async () => {
    const noWeb = fs.mkdtempSync(path.join(dir, 'no-web-'));
    const child = spawn(process.execPath, [relaisBin, 'start'], {
      env: { ...envA, PORT: '0', RELAIS_LOG_FORMAT: 'pretty', RELAIS_LOG_LEVEL: 'info', RELAIS_WEB_DIST: noWeb, RELAIS_BACKUP_INTERVAL_HOURS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const firstLine = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += d;
          if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
        });
        child.on('close', (code) => reject(new Error(`relais start exited (${code}): ${stderr}`)));
      });
      expect(firstLine).toMatch(/^Relais est prêt : http:\/\/127\.0\.0\.1:\d+ \(Ctrl-C pour arrêter\)$/);
      expect(stderr).toContain(`L’application web n’est pas construite (${noWeb}). Lancez « npm run build » puis relancez « relais start ».`);
      const url = /http:\/\/\S+/.exec(firstLine)![0];
      const page = await fetch(url, { headers: { accept: 'text/html', 'accept-language': 'ar' } });
      expect(page.status).toBe(503);
      const html = await page.text();
      expect(html).toContain('<h1>تطبيق الويب غير مبني</h1>');
      expect(html).toContain('dir="rtl"');
      // Later lines are readable too: a request is one line, not JSON.
      await fetch(`${url}/api/v1/health`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stdout).toMatch(/\d\d:\d\d:\d\d INFO {2}GET \/api\/v1\/health 200 \d+ ms/);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
