import { describe, expect, it } from 'vitest';
import { errorsCsv, importColumns, templateCsv } from './import-files.ts';

const context = { unitCode: 'AGA', username: 'nadia', today: '2026-03-14' };
const lines = (csv: string) => csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);

describe('import files', () => {
  it('gives each template its columns and one example row that fills them in order', () => {
    for (const kind of ['org-units', 'beneficiaries', 'services', 'targets', 'cases', 'insertion'] as const) {
      const [header, example, ...rest] = lines(templateCsv(kind, context));
      expect(header!.split(','), kind).toEqual([...importColumns[kind]]);
      expect(example!.split(',')).toHaveLength(importColumns[kind].length);
      expect(rest).toEqual([]);
    }
  });

  it('fills the example with the user’s unit, username and today', () => {
    const [, services] = lines(templateCsv('services', context));
    // The last column, case_id, stays empty in the example (a service given outside a case).
    expect(services).toBe(',FAMO1985F,2026-03-14,AGA,prev_ps,condoms,10,,,,,,,nadia,,');
    const [, cases] = lines(templateCsv('cases', context));
    expect(cases).toBe(',FAMO1985F,gbv,AGA,2026-03-14T09:30,outreach,2026-03-14,physical_assault,,');
    const [, steps] = lines(templateCsv('insertion', context));
    expect(steps).toBe(',FAMO1985F,AGA,training,Initiation à la couture,2026-03-14,,,');
    const [, targets] = lines(templateCsv('targets', context));
    expect(targets).toBe('reached,prev_ps,AGA,2026,500');
    const [, units] = lines(templateCsv('org-units', context));
    expect(units).toBe('AGA-SITE1,Site 1,AGA,site');
  });

  it('writes the errors under translated headers, quoting what needs it', () => {
    const csv = errorsCsv([{ line: 3, column: 'sex', code: 'invalid_choice', message: 'Valeur inconnue : "Q"' }], { line: 'Ligne', column: 'Colonne', message: 'Message' });
    expect(lines(csv)).toEqual(['Ligne,Colonne,Message', '3,sex,"Valeur inconnue : ""Q"""']);
  });
});
