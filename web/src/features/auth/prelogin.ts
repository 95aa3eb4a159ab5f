/**
 * The login form written into index.html at build (ADR 0025) paints before the app's script has
 * arrived on a slow network, and can be typed into meanwhile. The app's own login page replaces
 * it: what was typed, and which field had the focus, carry over (read while that page renders,
 * in the same task as React puts it in place, so nothing typed in between is lost).
 */
export interface Typed {
  organisation?: string;
  username?: string;
  password?: string;
  /** The `autocomplete` of the field that had the focus. */
  focused?: string;
}

let typed: Typed | null = null;

/** At start: only the written form of the document's language stays (the others are hidden copies). */
export function keepOnePrelogin(root: HTMLElement): void {
  const shown = document.documentElement.classList.contains('relais-session') ? null : document.documentElement.lang;
  for (const copy of root.querySelectorAll('[data-prelogin]')) if (copy.getAttribute('lang') !== shown) copy.remove();
}

/** What was typed into the written form before the app started (empty once a login page used it). */
export function typedBeforeStart(): Typed {
  if (typed) return typed;
  const form = typeof document === 'undefined' ? null : document.querySelector('[data-prelogin]');
  const value = (autocomplete: string) => form?.querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`)?.value || undefined;
  const active = typeof document === 'undefined' ? null : document.activeElement;
  typed = {
    organisation: value('organization'),
    username: value('username'),
    password: value('current-password'),
    focused: form && active instanceof HTMLInputElement && form.contains(active) ? active.autocomplete : undefined,
  };
  return typed;
}

/** Forgets it (the app's login page took it: a later login page starts empty). */
export function forgetTypedBeforeStart(): void {
  typed = {};
}

/**
 * A login the written form sent before the app started (`public/boot.js`, ADR 0043): on a slow
 * network the form is live seconds before the app's script has arrived. The fields as sent, and
 * the server's answer (status and body), or null when the server could not be reached.
 */
export interface EarlyLogin {
  body: { organisation: string; username: string; password: string };
  answer: Promise<{ status: number; text: string } | null>;
}

declare global {
  interface Window {
    relaisEarlyLogin?: EarlyLogin;
  }
}

let isEarlyLoginTaken = false;

/** Has the written form sent a login? (The start's session probe then gives way to its answer.) */
export function hasEarlyLogin(): boolean {
  return typeof window !== 'undefined' && window.relaisEarlyLogin !== undefined;
}

/** The login the written form sent, once: the first login page reads its answer, a later one starts afresh. */
export function takeEarlyLogin(): EarlyLogin | undefined {
  if (isEarlyLoginTaken || typeof window === 'undefined') return undefined;
  isEarlyLoginTaken = true;
  return window.relaisEarlyLogin;
}
