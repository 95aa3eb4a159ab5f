import { useEffect, useRef, useState, type Ref } from 'react';
import type { CodeCheckResult, CodeScheme } from '@relais/core';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Alert, Button, Loading } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CodeField } from '../registry/code-field.tsx';
import { CodeHelper } from '../registry/code-helper.tsx';
import { CodeLookupStatus, CodeProblems, ExactMatch, ExistsElsewhere, ProbableMatches, useClaim, useCodeLookup } from '../registry/code-check.tsx';

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
  const { t } = useI18n();
  const canRegister = useCan('person.write');
  const [code, setCode] = useState('');
  // The builder, offered when Arabic letters are typed in the code field.
  const [builderOpen, setBuilderOpen] = useState(false);
  const lookup = useCodeLookup(scheme, code);
  const { result } = lookup;

  // The exact person proceeds at once when asked (the code is complete and well formed), or
  // when Enter was pressed on this code (never submitting the form around: a group session
  // would be saved without its participant).
  const [entered, setEntered] = useState<string | null>(null);
  const found = useRef(onFound);
  useEffect(() => {
    found.current = onFound;
  });
  const exact = (autoProceed || entered === code) && result?.exact ? result.exact : null;
  useEffect(() => {
    if (exact) found.current({ id: exact.id, code: exact.code });
  }, [exact]);

  const { claim, claiming, claimError } = useClaim(unitId, (b) => {
    setCode('');
    onFound({ id: b.id, code: b.code });
  });

  return (
    <div className="person-finder">
      <CodeField scheme={scheme} label={label ?? t('register.codeLabel')} value={code} onChange={setCode} inputRef={inputRef} onEnter={() => setEntered(code)} onOpenBuilder={() => setBuilderOpen(true)}
        onScan={(scanned) => {
          // A card read is a code typed and confirmed: the exact person proceeds.
          setCode(scanned);
          setEntered(scanned);
        }}
      />
      {builderOpen ? (
        <CodeHelper
          scheme={scheme}
          autoFocus
          onUse={(built) => {
            setCode(built);
            setBuilderOpen(false);
          }}
        />
      ) : null}
      <CodeLookupStatus lookup={lookup} claimError={claimError} />
      {result ? (
        <Outcome
          result={result}
          autoProceed={autoProceed}
          proceedLabel={proceedLabel}
          canRegister={canRegister}
          claiming={claiming}
          unitName={unitName}
          onClaim={claim}
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
  const { t } = useI18n();
  const registerLink = canRegister ? (
    <Link to={`/beneficiaries/new?code=${encodeURIComponent(result.code)}`} className="btn btn-secondary">
      {t('capture.registerPerson')}
    </Link>
  ) : null;

  if (result.problems.length > 0) return <CodeProblems result={result} />;
  if (result.exact) {
    const exact = result.exact;
    if (autoProceed) return <Loading label={t('app.loading')} />;
    const proceed = (
      <Button variant="primary" onClick={() => onFound({ id: exact.id, code: exact.code })}>
        {proceedLabel ? proceedLabel(exact.code) : t('capture.proceed')}
      </Button>
    );
    return <ExactMatch result={result} exact={exact} tone="success" lead={t('capture.found')} action={proceed} />;
  }
  if (result.existsElsewhere) {
    const hint = canRegister ? t('capture.claimHint', { unit: unitName }) : t('capture.claimNotAllowed');
    return <ExistsElsewhere code={result.code} claiming={claiming} onClaim={canRegister ? onClaim : undefined} hint={hint} />;
  }
  if (result.probable.length === 0) {
    return (
      <Alert tone="warning" action={registerLink ?? undefined}>
        {t('capture.unknown')}
      </Alert>
    );
  }
  return (
    <ProbableMatches
      result={result}
      titleId="finder-probable-title"
      title={t('capture.probableTitle', { count: result.probable.length })}
      hint={t('capture.probableHint')}
      action={(p) =>
        p.inScope && p.id ? (
          <Button aria-label={t('register.samePersonAs', { code: p.code })} onClick={() => onFound({ id: p.id ?? '', code: p.code })}>
            {t('register.samePerson')}
          </Button>
        ) : canRegister ? (
          <Button busy={claiming === p.code} aria-label={t('register.samePersonAs', { code: p.code })} onClick={() => onClaim(p.code)}>
            {t('register.samePerson')}
          </Button>
        ) : null
      }
    >
      {registerLink ? (
        <div className="form-actions">
          {registerLink}
          <span className="field-hint">{t('capture.noneOfThese')}</span>
        </div>
      ) : null}
    </ProbableMatches>
  );
}
