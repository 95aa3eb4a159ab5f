import { describe, expect, it } from 'vitest';
import { changedFields } from './changes.ts';

describe('changed fields', () => {
  const saved = { code: 'RBT', name: 'Rabat', active: true, latitude: null as number | null };

  it('keeps only the fields whose value differs from the saved one', () => {
    expect(changedFields(saved, { code: 'RBT', name: 'Rabat-Salé', active: false })).toEqual({ name: 'Rabat-Salé', active: false });
    expect(changedFields(saved, { latitude: 34.02 })).toEqual({ latitude: 34.02 });
  });

  it('is empty when nothing changed', () => {
    expect(changedFields(saved, { code: 'RBT', active: true, latitude: null })).toEqual({});
  });
});
