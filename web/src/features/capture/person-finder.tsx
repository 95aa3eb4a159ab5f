import { useEffect, useRef, useState, type Ref } from 'react';
import { checkCode, explainMatch, type CodeCheckResult, type CodeScheme, type MatchReason } from '@relais/core';
import { claimBeneficiary } from '../../api/endpoints.ts';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Alert, Button, Loading } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { CodeField } from '../registry/code-field.tsx';
import { useCodeCheck } from '../registry/code-check.tsx';

/** A person found by her code and visible in the user's units. */
export interface FoundPerson {
  id: string;
  code: string;
}

/**
 * Find a person by her code unique, with the registry's code field and check: the exact
 * person is found (at once with `autoProceed`, else with a button); a person known in
 * another section can be served here (claim) first; near codes are offered; an unknown
 * code links to the registration.
 */
export function PersonFinder({ scheme, unitId, unitName, onFound, autoProceed = false, proceedLabel, inputRef, label }: {
  scheme: CodeScheme;
  /** The unit where a person known elsewhere is brought (claim). */
  unitId: string;
  unitName: string;
  onFound: (person: FoundPerson) => void;
  autoProceed?: boolean;
  /** Label of the button that takes the exact person (without `autoProceed`); gets `{code}`. */
  proceedLabel?: (code: string) => string;
  inputRef?: Ref<HTMLInputElement>;
  label?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const canRegister = useCan('person.write');
  const [code, setCode] = useState('');
  const local = code.trim() ? checkCode(scheme, code) : null;
  const ready = local?.ok ? local.code : null;
  const { state: check, retry } = useCodeCheck(ready);
  const [claiming, setClaiming] = useState<string | null>(null);
  const [claimError, setClaimError] = useState<unknown>(undefined);
  const result = check.status === 'done' && check.code === ready ? check.result : null;

  // The exact person proceeds at once when asked (the code is complete and well formed).
  const found = useRef(onFound);
  useEffect(() => {
    found.current = onFound;
  });
  const exact = autoProceed && result?.exact ? result.exact : null;
  useEffect(() => {
    if (exact) found.current({ id: exact.id, code: exact.code });
  }, [exact]);

  const claim = async (claimedCode: string) => {
    setClaimError(undefined);
    setClaiming(claimedCode);
    try {
      const b = await claimBeneficiary({ code: claimedCode, orgUnitId: unitId });
      setClaiming(null);
      setCode('');
      onFound({ id: b.id, code: b.code });
    } catch (error) {
      setClaimError(error);
      setClaiming(null);
    }
  };

  return (
    <div className="person-finder">
      <CodeField scheme={scheme} label={label ?? t('register.codeLabel')} value={code} onChange={setCode} inputRef={inputRef} />
      <div aria-live="polite">{check.status === 'checking' ? <Loading label={t('register.checking')} /> : null}</div>
      {check.status === 'failed' && check.code === ready ? (
        <Alert tone="error" action={<Button onClick={retry}>{t('app.retry')}</Button>}>
          {describeError(i18n, check.error)}
        </Alert>
      ) : null}
      {claimError ? <Alert tone="error">{describeError(i18n, claimError)}</Alert> : null}
      {result ? (
        <Outcome
          result={result}
          autoProceed={autoProceed}
          proceedLabel={proceedLabel}
          canRegister={canRegister}
          claiming={claiming}
          unitName={unitName}
          onClaim={(c) => void claim(c)}
          onFound={(p) => {
            setCode('');
            onFound(p);
          }}
        />
      ) : null}
    </div>
  );
}

function Outcome({ result, autoProceed, proceedLabel, canRegister, claiming, unitName, onClaim, onFound }: {
  result: CodeCheckResult;
  autoProceed: boolean;
  proceedLabel: ((code: string) => string) | undefined;
  canRegister: boolean;
  claiming: string | null;
  unitName: string;
  onClaim: (code: string) => void;
  onFound: (p: FoundPerson) => void;
}) {
  const { t, locale } = useI18n();
  const registerLink = canRegister ? (
    <Link to={`/beneficiaries/new?code=${encodeURIComponent(result.code)}`} className="btn btn-secondary">
      {t('capture.registerPerson')}
    </Link>
  ) : null;

  if (result.problems.length > 0) {
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
  if (result.exact) {
    const exact = result.exact;
    if (autoProceed) return <Loading label={t('app.loading')} />;
    return (
      <Alert
        tone="success"
        action={
          <Button variant="primary" onClick={() => onFound({ id: exact.id, code: exact.code })}>
            {proceedLabel ? proceedLabel(exact.code) : t('capture.proceed')}
          </Button>
        }
      >
        <p>
          {exact.viaAlias ? <>{t('register.existsViaAlias', { alias: result.code })} </> : <>{t('capture.found')} </>}
          <code className="code" dir="ltr">
            {exact.code}
          </code>
        </p>
      </Alert>
    );
  }
  if (result.existsElsewhere) {
    return (
      <Alert
        tone="info"
        action={
          canRegister ? (
            <Button variant="primary" busy={claiming === result.code} onClick={() => onClaim(result.code)}>
              {t('register.claim')}
            </Button>
          ) : undefined
        }
      >
        <p>
          <strong>{t('register.existsElsewhere')}</strong>
        </p>
        <p>{canRegister ? t('capture.claimHint', { unit: unitName }) : t('capture.claimNotAllowed')}</p>
      </Alert>
    );
  }
  if (result.probable.length === 0) {
    return (
      <Alert tone="warning" action={registerLink ?? undefined}>
        {t('capture.unknown')}
      </Alert>
    );
  }
  const ranked = [...result.probable].sort((a, b) => b.score - a.score);
  return (
    <section className="probable" aria-labelledby="finder-probable-title">
      <h3 id="finder-probable-title" className="probable-title">
        {t('capture.probableTitle', { count: ranked.length })}
      </h3>
      <p className="field-hint">{t('capture.probableHint')}</p>
      <ol className="item-list">
        {ranked.map((p) => (
          <li key={p.code} className="item probable-item">
            <div>
              <code className="code" dir="ltr">
                {p.code}
              </code>
              <p className="probable-explanation">{p.reasons.length ? explainMatch(locale, p.reasons as MatchReason[], p.code) : p.explanation}</p>
              {p.inScope ? null : <p className="field-hint">{t('register.candidateElsewhere')}</p>}
            </div>
            {p.inScope && p.id ? (
              <Button aria-label={t('register.samePersonAs', { code: p.code })} onClick={() => onFound({ id: p.id ?? '', code: p.code })}>
                {t('register.samePerson')}
              </Button>
            ) : canRegister ? (
              <Button busy={claiming === p.code} aria-label={t('register.samePersonAs', { code: p.code })} onClick={() => onClaim(p.code)}>
                {t('register.samePerson')}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {registerLink ? (
        <div className="form-actions">
          {registerLink}
          <span className="field-hint">{t('capture.noneOfThese')}</span>
        </div>
      ) : null}
    </section>
  );
}
