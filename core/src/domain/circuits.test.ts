import { describe, expect, it } from 'vitest';
import { conditionText, textIn } from './circuits.ts';
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
