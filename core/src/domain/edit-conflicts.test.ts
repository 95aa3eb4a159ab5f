import { describe, expect, it } from 'vitest';
import { editedFields, sameValue, settleEdit, splitEdit } from './edit-conflicts.ts';

describe('splitEdit', () => {
  const current = { sex: 'F', birthYear: 1990, populations: ['PS', 'PVVIH'], 'profile.housing': 'tenant', phone: null };
  const changes = { birthYear: { v: 3, at: '2026-12-01T10:00:00Z', by: 'u2' }, sex: { v: 1 }, 'profile.housing': { v: 2 } };

  it('merges fields the server did not change since the base, and refuses one it changed', () => {
    const r = splitEdit({ sex: 'X', birthYear: 1991, 'profile.housing': 'owner' }, current, changes, 2);
    expect(r.changes).toEqual({ sex: 'X', 'profile.housing': 'owner' });
    expect(r.conflicts).toEqual([{ field: 'birthYear', server: 1990, mine: 1991, change: { v: 3, at: '2026-12-01T10:00:00Z', by: 'u2' } }]);
  });

  it('is no conflict when the edit sets the value the server holds (a retried edit changes nothing)', () => {
    const r = splitEdit({ birthYear: 1990, populations: ['PVVIH', 'PS'] }, current, changes, 1);
    expect(r).toEqual({ changes: {}, conflicts: [] });
  });

  it('applies an edit based on the current version, and one without a base, as it stands', () => {
    expect(splitEdit({ birthYear: 1991 }, current, changes, 3)).toEqual({ changes: { birthYear: 1991 }, conflicts: [] });
    expect(splitEdit({ birthYear: 1991 }, current, changes, undefined)).toEqual({ changes: { birthYear: 1991 }, conflicts: [] });
  });

  it('compares lists as sets and absent as null', () => {
    expect(sameValue(['A', 'B'], ['B', 'A', 'A'])).toBe(true);
    expect(sameValue(['A'], ['A', 'B'])).toBe(false);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(0, null)).toBe(false);
  });
});

describe('settleEdit', () => {
  it('drops the fields where she kept the server’s value, keeps hers and the others', () => {
    const changes = { birthYear: 1991, sex: 'F', profile: { housing: 'owner', schooling: 'primary' } };
    expect(settleEdit(changes, { birthYear: 'server', 'profile.housing': 'server', sex: 'mine' })).toEqual({ sex: 'F', profile: { schooling: 'primary' } });
    expect(settleEdit(changes, { 'profile.housing': 'server', 'profile.schooling': 'server' })).toEqual({ birthYear: 1991, sex: 'F' });
    expect(changes.profile.housing).toBe('owner');
  });
});

describe('editedFields', () => {
  it('keeps only what the form changed, the profile field by field', () => {
    const before = { sex: 'F', birthYear: 1990, populations: ['PS'], phone: null, profile: { housing: 'tenant', schooling: null } };
    const after = { sex: 'F', birthYear: 1991, populations: ['PS'], phone: null, profile: { housing: 'tenant', schooling: 'primary' } };
    expect(editedFields(before, after)).toEqual({ birthYear: 1991, profile: { schooling: 'primary' } });
    expect(editedFields(before, before)).toEqual({});
  });
});
