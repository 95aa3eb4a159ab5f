import { useEffect, useState, type ReactNode } from 'react';
import { checkCode, explainMatch, type CodeCheckResult, type CodeScheme, type MatchReason } from '@relais/core';
import { checkBeneficiaryCode, claimBeneficiary } from '../../api/endpoints.ts';
import { Alert, Button, Code, Loading } from '../../ui/index.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';

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

/** A typed code, once complete and well formed, checked with the server. */
export interface CodeLookup {
  /** The code as checked (normalised), or null while it is incomplete or malformed. */
  ready: string | null;
  check: CodeCheckState;
  retry: () => void;
  /** The server's answer about `ready` (none while checking, or about an older code). */
  result: CodeCheckResult | null;
}

/** Checks the code locally with the scheme, then with the server (useCodeCheck). */
export function useCodeLookup(scheme: CodeScheme, code: string): CodeLookup {
  const local = code.trim() ? checkCode(scheme, code) : null;
  const ready = local?.ok ? local.code : null;
  const { state: check, retry } = useCodeCheck(ready);
  const result = check.status === 'done' && check.code === ready ? check.result : null;
  return { ready, check, retry, result };
}

/** Brings a person known in another section into `unitId` (claim); `onClaimed` gets her record. */
export function useClaim(unitId: string, onClaimed: (person: { id: string; code: string }) => void): {
  claim: (code: string) => void;
  /** The code being claimed. */
  claiming: string | null;
  claimError: unknown;
} {
  const [claiming, setClaiming] = useState<string | null>(null);
  const [claimError, setClaimError] = useState<unknown>(undefined);
  const claim = async (code: string) => {
    setClaimError(undefined);
    setClaiming(code);
    try {
      const b = await claimBeneficiary({ code, orgUnitId: unitId });
      setClaiming(null);
      onClaimed(b);
    } catch (error) {
      setClaimError(error);
      setClaiming(null);
    }
  };
  return { claim: (code) => void claim(code), claiming, claimError };
}

/** Under a code field: "checking…" (announced), a failed check with a retry, a failed claim. */
export function CodeLookupStatus({ lookup, claimError }: { lookup: CodeLookup; claimError: unknown }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { check, ready, retry } = lookup;
  return (
    <>
      <div aria-live="polite">{check.status === 'checking' ? <Loading label={t('register.checking')} /> : null}</div>
      {check.status === 'failed' && check.code === ready ? (
        <Alert tone="error" action={<Button onClick={retry}>{t('app.retry')}</Button>}>
          {describeError(i18n, check.error)}
        </Alert>
      ) : null}
      <ErrorAlert error={claimError} />
    </>
  );
}

/** What is wrong with a malformed code, as the server lists it. */
export function CodeProblems({ result }: { result: CodeCheckResult }) {
  return (
    <Alert tone="error">
      <ul className="plain-list">
        {result.problems.map((p, i) => (
          <li key={i}>{p.message}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** The code is known in a section the user does not see: she may bring the person here (claim), when `onClaim` is given. */
/**
 * The person the code names, perhaps through one of her aliases: an optional title, the
 * sentence leading to her code (the alias's when found through one), and the next step.
 */
export function ExactMatch({ result, exact, tone, title, lead, action }: {
  result: CodeCheckResult;
  exact: NonNullable<CodeCheckResult['exact']>;
  tone: 'success' | 'warning';
  title?: ReactNode;
  /** Said before the code when it is the person's own. */
  lead?: ReactNode;
  action: ReactNode;
}) {
  const { t } = useI18n();
  const before = exact.viaAlias ? t('register.existsViaAlias', { alias: result.code }) : lead;
  return (
    <Alert tone={tone} action={action}>
      {title ? (
        <p>
          <strong>{title}</strong>
        </p>
      ) : null}
      <p>
        {before ? <>{before} </> : null}
        <Code>{exact.code}</Code>
      </p>
    </Alert>
  );
}

export function ExistsElsewhere({ code, claiming, onClaim, hint }: { code: string; claiming: string | null; onClaim: ((code: string) => void) | undefined; hint: string }) {
  const { t } = useI18n();
  return (
    <Alert
      tone="info"
      action={
        onClaim ? (
          <Button variant="primary" busy={claiming === code} onClick={() => onClaim(code)}>
            {t('register.claim')}
          </Button>
        ) : undefined
      }
    >
      <p>
        <strong>{t('register.existsElsewhere')}</strong>
      </p>
      <p>{hint}</p>
    </Alert>
  );
}

/** One near code of a check. */
export type ProbableMatch = CodeCheckResult['probable'][number];

/** The near codes, closest first, each explained and with its action; `children` close the list. */
export function ProbableMatches({ result, titleId, title, hint, action, children }: {
  result: CodeCheckResult;
  titleId: string;
  title: string;
  hint: string;
  action: (match: ProbableMatch) => ReactNode;
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const ranked = [...result.probable].sort((a, b) => b.score - a.score);
  return (
    <section className="probable" aria-labelledby={titleId}>
      <h3 id={titleId} className="probable-title">
        {title}
      </h3>
      <p className="field-hint">{hint}</p>
      <ol className="item-list">
        {ranked.map((p) => (
          <li key={p.code} className="item probable-item">
            <div>
              <Code>{p.code}</Code>
              <p className="probable-explanation">{p.reasons.length ? explainMatch(locale, p.reasons as MatchReason[], p.code) : p.explanation}</p>
              {p.inScope ? null : <p className="field-hint">{t('register.candidateElsewhere')}</p>}
            </div>
            {action(p)}
          </li>
        ))}
      </ol>
      {children}
    </section>
  );
}
