import { describe, expect, it } from 'vitest';
import { conditionStatus, conditionText, stepForCase, textIn, type CaseCircuitFacts } from './circuits.ts';
import type { CircuitCondition } from '../contracts/circuits.contract.ts';

describe('a care circuit in words', () => {
  const conditions: CircuitCondition[] = [
    { kind: 'within_hours', hours: 72 },
    { kind: 'rural' },
    { kind: 'child' },
    { kind: 'text', text: { fr: 'Si la personne est hébergée chez l’agresseur', ar: 'إذا كانت الضحية تقيم مع المعتدي' } },
  ];

  it('says each condition in French and in Arabic, the same conditions in the same order', () => {
    expect(conditions.map((c) => conditionText('fr', c))).toEqual([
      'Si les faits datent de moins de 72 h',
      'En milieu rural',
      'Pour un enfant (moins de 18 ans)',
      'Si la personne est hébergée chez l’agresseur',
    ]);
    const ar = conditions.map((c) => conditionText('ar', c));
    expect(ar).toEqual(['إذا وقعت الأفعال منذ أقل من 72 ساعة', 'في الوسط القروي', 'بالنسبة لطفل (أقل من 18 سنة)', 'إذا كانت الضحية تقيم مع المعتدي']);
    // Arabic words only (the number aside): no French left in the Arabic rendering.
    for (const line of ar) expect(line).not.toMatch(/[A-Za-zÀ-ÿ]/);
  });

  it('falls back to French where a text has no Arabic', () => {
    expect(textIn('ar', { fr: 'Urgences', ar: null })).toBe('Urgences');
    expect(textIn('ar', { fr: 'Urgences', ar: 'المستعجلات' })).toBe('المستعجلات');
    expect(textIn('en', { fr: 'Urgences', ar: 'المستعجلات' })).toBe('Urgences');
  });
});

describe('a circuit’s conditions for a case', () => {
  const within72: CircuitCondition = { kind: 'within_hours', hours: 72 };
  const facts = (over: Partial<CaseCircuitFacts>): CaseCircuitFacts => ({ incident: null, birthYear: null, now: '2026-12-01T10:00', ...over });

  it('counts 72 h from the incident’s time when it is known', () => {
    const incident = { date: '2026-11-28', time: '10:00' };
    expect(conditionStatus(within72, facts({ incident, now: '2026-12-01T10:00' }))).toBe('met');
    expect(conditionStatus(within72, facts({ incident, now: '2026-12-01T10:01' }))).toBe('not_met');
    expect(conditionStatus({ kind: 'within_hours', hours: 24 }, facts({ incident, now: '2026-11-29T09:59' }))).toBe('met');
  });

  it('gives a date alone the whole day, and never counts before the incident', () => {
    const incident = { date: '2026-11-28', time: null };
    expect(conditionStatus(within72, facts({ incident, now: '2026-12-01T23:59' }))).toBe('met');
    expect(conditionStatus(within72, facts({ incident, now: '2026-12-02T00:00' }))).toBe('not_met');
    expect(conditionStatus(within72, facts({ incident: { date: '2026-12-02', time: null }, now: '2026-12-01T10:00' }))).toBe('not_met');
  });

  it('leaves the hours to judge when the case has no incident', () => {
    expect(conditionStatus(within72, facts({}))).toBe('to_judge');
  });

  it('tells a child from an adult by the birth year, and says when the year alone cannot', () => {
    const child = { kind: 'child' } as const;
    const adult = { kind: 'adult' } as const;
    expect([conditionStatus(child, facts({ birthYear: 2012 })), conditionStatus(adult, facts({ birthYear: 2012 }))]).toEqual(['met', 'not_met']);
    expect([conditionStatus(child, facts({ birthYear: 1990 })), conditionStatus(adult, facts({ birthYear: 1990 }))]).toEqual(['not_met', 'met']);
    // Born in 2009: 16 or 17 in 2026, a child; born in 2008: 17 or 18, to judge; born in 2007: 18 or 19.
    expect(conditionStatus(child, facts({ birthYear: 2009 }))).toBe('met');
    expect([conditionStatus(child, facts({ birthYear: 2008 })), conditionStatus(adult, facts({ birthYear: 2008 }))]).toEqual(['to_judge', 'to_judge']);
    expect(conditionStatus(adult, facts({ birthYear: 2007 }))).toBe('met');
    expect(conditionStatus(child, facts({ birthYear: null }))).toBe('to_judge');
  });

  it('leaves rural, urban and conditions in words to the worker', () => {
    const f = facts({ incident: { date: '2026-12-01', time: '08:00' }, birthYear: 2000 });
    const words: CircuitCondition = { kind: 'text', text: { fr: 'Si elle vit chez l’agresseur', ar: null } };
    expect(([{ kind: 'rural' }, { kind: 'urban' }, words] as CircuitCondition[]).map((c) => conditionStatus(c, f))).toEqual(['to_judge', 'to_judge', 'to_judge']);
  });

  it('applies a step unless one of its conditions is known to be unmet', () => {
    const f = facts({ incident: { date: '2026-11-01', time: '08:00' }, birthYear: 2014 });
    expect(stepForCase([], f)).toEqual({ applies: true, conditions: [] });
    expect(stepForCase([{ kind: 'child' }, { kind: 'rural' }], f)).toEqual({ applies: true, conditions: ['met', 'to_judge'] });
    expect(stepForCase([within72, { kind: 'child' }], f)).toEqual({ applies: false, conditions: ['not_met', 'met'] });
  });
});
