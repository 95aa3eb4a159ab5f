import type { ReactNode, Ref } from 'react';
import { checkCode, cleanTypedCode, codeLength, describeCodeProblem, type CodeScheme } from '@relais/core';
import { Button, FieldFrame } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CardScanButton } from './card-scan-button.tsx';
import { capitalise, describeScheme } from './registry-labels.ts';

/**
 * The code unique input (Latin, monospace, left-to-right in every language) with the
 * scheme as hint and, as the user types, what is wrong with each part. Arabic letters typed
 * here get the answer that a code is written in Latin letters, and the builder (which
 * transliterates names written in Arabic) is offered when `onOpenBuilder` is given.
 */
export function CodeField({ scheme, value, onChange, label, error, inputRef, after, onEnter, onOpenBuilder, onScan }: {
  scheme: CodeScheme;
  value: string;
  onChange: (value: string) => void;
  label: string;
  /** An error from the server (shown above the live problems). */
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  after?: ReactNode;
  /** Enter (a phone's "Go") in the field does this instead of submitting the form around it. */
  onEnter?: () => void;
  /** Opens the code builder ("Construire le code"). */
  onOpenBuilder?: (() => void) | undefined;
  /** Offers "Scanner la carte" (a person's card's QR code, ADR 0041); gets the code read. */
  onScan?: ((code: string) => void) | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const cleaned = cleanTypedCode(value);
  const expected = codeLength(scheme);
  const check = cleaned ? checkCode(scheme, value) : null;
  // While the code is still short, its length is progress, not an error.
  const problems = check && !check.ok ? check.problems.filter((p) => !(p.code === 'wrong_length' && (p.actual ?? 0) < expected)) : [];
  const messages = [...(error ? [error] : []), ...problems.map((p) => capitalise(describeCodeProblem(i18n.locale, p), i18n.locale))];
  // Arabic letters typed: the builder, which takes names in Arabic, is offered under the message.
  const offerBuilder = Boolean(onOpenBuilder) && problems.some((p) => p.code === 'latin_script');
  return (
    <>
      <FieldFrame
        label={label}
        hint={t('register.codeHint', { scheme: describeScheme(i18n, scheme), length: expected })}
        error={messages.length ? messages.join(' ') : undefined}
        className="code-field"
        required
      >
        {(control) => (
          <>
            <input
              {...control}
              ref={inputRef}
              type="text"
              className="input code-input"
              dir="ltr"
              value={value}
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              maxLength={40}
              onChange={(e) => onChange(e.target.value)}
              onKeyDown={
                onEnter
                  ? (e) => {
                      if (e.key !== 'Enter') return;
                      e.preventDefault();
                      onEnter();
                    }
                  : undefined
              }
            />
            {offerBuilder ? null : (
              <p className="field-hint code-progress" dir="auto">
                {t('register.codeProgress', { count: cleaned.length, length: expected })}
              </p>
            )}
            {offerBuilder ? null : after}
            {onScan ? <CardScanButton onCode={onScan} /> : null}
          </>
        )}
      </FieldFrame>
      {offerBuilder ? (
        <div className="form-actions code-builder-offer">
          <Button variant="primary" onClick={onOpenBuilder}>
            {t('codeHelper.open')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
