/**
 * Whether the server answered lately, beside the browser's own `navigator.onLine` (ADR 0027): a
 * phone on a wifi without internet, a captive portal or a dead mobile network says it is online,
 * and some browsers keep saying so after a reload with the network gone. A call that fails for
 * want of the network marks the server unreachable; any answer marks it reachable again. While it
 * is unreachable, a light probe (`/api/v1/health`, every 2 s, then up to every 10 s) notices its
 * return, so that what waits for the network (the outbox, the session's check) starts without the
 * `online` event the browser may never send.
 */
let unreachable = false;
const listeners = new Set<() => void>();
let probe: ReturnType<typeof setTimeout> | null = null;
let delay = 2_000;

function notify(): void {
  for (const listener of listeners) listener();
}

/** What one call found: `false` when the network failed it, `true` when the server answered (any status). */
export function reportReachable(answered: boolean): void {
  if (unreachable === !answered) return;
  unreachable = !answered;
  if (unreachable) {
    delay = 2_000;
    scheduleProbe();
  } else if (probe) {
    clearTimeout(probe);
    probe = null;
  }
  notify();
}

function scheduleProbe(): void {
  if (probe || typeof window === 'undefined') return;
  probe = setTimeout(() => {
    probe = null;
    if (!unreachable) return;
    fetch('/api/v1/health', { cache: 'no-store', credentials: 'same-origin' }).then(
      (res) => reportReachable(res.status > 0),
      () => {
        delay = Math.min(delay * 2, 10_000);
        scheduleProbe();
      },
    );
  }, delay);
}

/** Is the server reachable, as far as the browser and the last calls know? */
export function isReachable(): boolean {
  return !unreachable && (typeof navigator === 'undefined' || navigator.onLine !== false);
}

/** Called when the browser or the last calls change their mind; returns the unsubscribe. */
export function onReachabilityChange(listener: () => void): () => void {
  listeners.add(listener);
  const browser = () => {
    // The browser's own `online` event also ends a wait on the probe.
    if (navigator.onLine && unreachable) scheduleProbeNow();
    listener();
  };
  window.addEventListener('online', browser);
  window.addEventListener('offline', browser);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', browser);
    window.removeEventListener('offline', browser);
  };
}

function scheduleProbeNow(): void {
  if (probe) clearTimeout(probe);
  probe = null;
  delay = 0;
  scheduleProbe();
  delay = 2_000;
}
