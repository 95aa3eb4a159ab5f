import fs from 'node:fs';
import { invalidField, type ValidationCode } from '@relais/core';

/** The most common passwords (10 characters or more), lower case: `common-passwords.txt` beside this file. */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

// Keyboard rows and alphabets whose runs people type as passwords (either way).
const SEQUENCES = ['01234567890123456789', 'abcdefghijklmnopqrstuvwxyzabcdefghij', 'azertyuiopqsdfghjklmwxcvbn', 'qwertyuiopasdfghjklzxcvbnm', 'qwertzuiopasdfghjklyxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn', '1q2w3e4r5t6y7u8i9o0p'];

/**
 * What makes a password unfit beyond its length (the contract's 10 characters), or null: one of
 * the most common passwords, one or two characters repeated, an obvious sequence (a run of
 * consecutive characters or of a keyboard row), the username or the organisation code in it.
 */
export function passwordProblem(password: string, context: { username?: string | undefined; organisationCode?: string | undefined }): ValidationCode | null {
  const p = password.normalize('NFC').toLowerCase();
  if (commonPasswords().has(p)) return 'password_common';
  const chars = [...p];
  if (new Set(chars).size <= 2) return 'password_repeated';
  const steps = new Set(chars.slice(1).map((c, i) => c.codePointAt(0)! - chars[i]!.codePointAt(0)!));
  if (steps.size === 1 && [...steps].every((d) => Math.abs(d) === 1)) return 'password_sequence';
  const reversed = chars.reverse().join('');
  if (SEQUENCES.some((s) => s.includes(p) || s.includes(reversed))) return 'password_sequence';
  for (const name of [context.username, context.organisationCode]) {
    if (name && name.length >= 3 && p.includes(name.toLowerCase())) return 'password_contains_name';
  }
  return null;
}

/** Throws `validation_failed` naming `field` when the password is unfit (see `passwordProblem`). */
export function checkPassword(field: string, password: string, context: { username?: string | undefined; organisationCode?: string | undefined }): void {
  const problem = passwordProblem(password, context);
  if (problem) throw invalidField(field, problem);
}
