import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules.ts';

describe('password rules beyond length', () => {
  const context = { username: 'amina.b', organisationCode: 'ALCS' };

  it('refuses the most common passwords, whatever their case', () => {
    for (const p of ['1234567890', 'qwertyuiop', 'Password123', 'azertyuiop', 'motdepasse123']) expect(passwordProblem(p, context), p).not.toBeNull();
    expect(passwordProblem('Password123', context)).toBe('password_common');
  });

  it('refuses one or two characters repeated and obvious sequences', () => {
    expect(passwordProblem('1111111111', {})).toBe('password_common');
    expect(passwordProblem('zzzzzzzzzzzz', {})).toBe('password_repeated');
    expect(passwordProblem('abababababab', {})).toBe('password_repeated');
    expect(passwordProblem('3456789012', {})).toBe('password_sequence');
    expect(passwordProblem('klmnopqrstu', {})).toBe('password_sequence');
    expect(passwordProblem('poiuytreza', {})).toBe('password_sequence');
    expect(passwordProblem('qsdfghjklm', {})).toBe('password_sequence');
  });

  it('refuses the username or the organisation code inside', () => {
    expect(passwordProblem('amina.b du terrain', context)).toBe('password_contains_name');
    expect(passwordProblem('le terrain de alcs', context)).toBe('password_contains_name');
  });

  it('accepts a phrase of one’s own', () => {
    for (const p of ['correct horse battery', 'sur le terrain 2024', 'écoute et accompagnement', 'نخدمو مع الناس 2026']) expect(passwordProblem(p, context), p).toBeNull();
  });
});
