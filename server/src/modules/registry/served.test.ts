import { describe, expect, it } from 'vitest';
import { summariseVisits } from './served.service.ts';

describe('where persons are known and when last seen, from their services', () => {
  it('knows a person in a unit since her earliest service there, and last saw her on the latest, in any order', () => {
    const visits = [
      { personId: 'p1', unitId: 'u1', date: '2024-05-20' },
      { personId: 'p1', unitId: 'u1', date: '2024-05-10' },
      { personId: 'p1', unitId: 'u2', date: '2024-06-01' },
      { personId: 'p2', unitId: 'u1', date: '2024-01-03' },
    ];
    const { places, lastSeen } = summariseVisits(visits);
    expect(places).toEqual([
      { personId: 'p1', unitId: 'u1', since: '2024-05-10' },
      { personId: 'p1', unitId: 'u2', since: '2024-06-01' },
      { personId: 'p2', unitId: 'u1', since: '2024-01-03' },
    ]);
    expect(lastSeen).toEqual([
      { personId: 'p1', date: '2024-06-01' },
      { personId: 'p2', date: '2024-01-03' },
    ]);
  });
});
