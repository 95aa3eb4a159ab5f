import { programCodes, type ProgramCode } from '@relais/core';
import type { I18n } from './i18n.tsx';

type T = I18n['t'];

export function isProgramCode(code: string): code is ProgramCode {
  return (programCodes as readonly string[]).includes(code);
}

/** Label of a program code (unknown codes shown as they are). */
export function programLabel(t: T, code: string): string {
  return isProgramCode(code) ? t(`program.${code}`) : code;
}

/** Label of an assignment's programs: null means all programs. */
export function programsLabel(t: T, programs: readonly string[] | null): string {
  return programs === null ? t('common.allPrograms') : programs.map((p) => programLabel(t, p)).join(', ');
}

/** Label of an audit action: core `audit.<action>` when present, else the raw action. */
export function auditActionLabel(i18n: Pick<I18n, 't' | 'has'>, action: string): string {
  const key = `audit.${action}`;
  return i18n.has(key) ? i18n.t(key) : action;
}

/** Label of an audited entity type: web `entity.<type>` when present, else the raw type. */
export function entityTypeLabel(i18n: Pick<I18n, 't' | 'has'>, type: string): string {
  const key = `entity.${type}`;
  return i18n.has(key) ? i18n.t(key) : type;
}
