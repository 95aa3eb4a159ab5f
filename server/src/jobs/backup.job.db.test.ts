import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPerSuite, engine } from '../../test/harness.ts';
import { writeScheduledBackup } from './backup.job.ts';

describe(`scheduled local backups (${engine})`, () => {
  const suite = appPerSuite('SCHED');

  it('writes timestamped backups and keeps only the newest ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-sched-'));
    fs.writeFileSync(path.join(dir, 'my-notes.txt'), 'not a backup: left alone');
    const written: string[] = [];
    for (let i = 0; i < 4; i++) {
      written.push(path.basename(await writeScheduledBackup(suite.t.db.kysely, dir, 2)));
      await new Promise((r) => setTimeout(r, 5));
    }
    const left = fs.readdirSync(dir).sort();
    expect(left).toEqual([...written.slice(2), 'my-notes.txt'].sort());
  });
});
