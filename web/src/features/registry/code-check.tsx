import { useEffect, useState } from 'react';
import type { CodeCheckResult } from '@relais/core';
import { checkBeneficiaryCode } from '../../api/endpoints.ts';

export type CodeCheckState =
  | { status: 'idle' }
  | { status: 'checking'; code: string }
  | { status: 'done'; code: string; result: CodeCheckResult }
  | { status: 'failed'; code: string; error: unknown };

/**
 * Asks the server about a complete, well-formed code (after a short pause in typing):
 * is it known here, elsewhere, or close to known codes? Stale answers are ignored.
 */
export function useCodeCheck(code: string | null, delayMs = 250): { state: CodeCheckState; retry: () => void } {
  const [state, setState] = useState<CodeCheckState>({ status: 'idle' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!code) {
      setState({ status: 'idle' });
      return;
    }
    let alive = true;
    setState({ status: 'checking', code });
    const timer = window.setTimeout(() => {
      checkBeneficiaryCode(code).then(
        (result) => {
          if (alive) setState({ status: 'done', code, result });
        },
        (error: unknown) => {
          if (alive) setState({ status: 'failed', code, error });
        },
      );
    }, delayMs);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [code, delayMs, tick]);
  return { state, retry: () => setTick((n) => n + 1) };
}
