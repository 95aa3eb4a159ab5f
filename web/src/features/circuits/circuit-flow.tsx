import type { ReactNode } from 'react';
import { conditionText, textIn, type ConditionStatus, type WeekDay } from '@relais/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { termLabel } from '../directory/directory-labels.ts';
import { PrintedService } from '../directory/print-page.tsx';
import '../directory/directory-print.css';
import type { CircuitStepData } from './circuits-api.ts';

type Terms = Parameters<typeof termLabel>[0];
/** A step checked against a case (the case's "next steps"): whether it applies, each condition's status. */
export interface StepCheck {
  applies: boolean;
  conditionStatuses: readonly ConditionStatus[];
}
const statusMark: Record<ConditionStatus, string> = { met: '✓', not_met: '✗', to_judge: '?' };

/**
 * A circuit as a flow: numbered step boxes, top to bottom, joined by arrows (the same on the
 * screen and on the poster, in French or in Arabic): when the step applies, where to go (the
 * directory's services with their phones and hours, stale ones marked), what to bring, who accompanies.
 * From a case (`checks`), each step says whether it applies and each condition whether it is met,
 * and `referTo` draws beside each service the way to refer the person there.
 */
export function CircuitFlow({ steps, checks, days, terms, label, referTo }: {
  steps: readonly CircuitStepData[];
  checks?: readonly StepCheck[];
  days: Record<WeekDay, string>;
  terms: Terms;
  label: string;
  referTo?: ((service: { id: string; name: string }) => ReactNode) | undefined;
}) {
  return (
    <ol className="circ-flow" aria-label={label}>
      {steps.map((step, i) => (
        <FlowStep key={i} n={i + 1} step={step} check={checks?.[i]} days={days} terms={terms} referTo={referTo} />
      ))}
    </ol>
  );
}

function FlowStep({ n, step, check, days, terms, referTo }: {
  n: number;
  step: CircuitStepData;
  check: StepCheck | undefined;
  days: Record<WeekDay, string>;
  terms: Terms;
  referTo: ((service: { id: string; name: string }) => ReactNode) | undefined;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const title = textIn(locale, step.title);
  const applies = check ? t(check.applies ? 'circuits.case.applies' : 'circuits.case.doesNotApply') : null;
  return (
    <li className={check && !check.applies ? 'circ-step circ-step-off' : 'circ-step'} aria-label={[t('circuits.step', { n }), title, applies].filter(Boolean).join(' · ')}>
      <h3 className="circ-step-title">
        <span className="circ-step-n" aria-hidden="true">
          {n}
        </span>
        <bdi>{title}</bdi>
        {check ? <span className={check.applies ? 'tag tag-ok circ-applies' : 'tag tag-off circ-applies'}>{applies}</span> : null}
      </h3>
      <div className="circ-step-body">
        <div>
          {step.conditions.length ? (
            <p className="circ-when">
              <span className="circ-label">{t('circuits.when')}</span>
              <span className="circ-conditions">
                {step.conditions.map((c, i) => {
                  const status = check?.conditionStatuses[i];
                  return (
                    <span key={i} className={status ? `tag circ-condition circ-cond-${status}` : 'tag circ-condition'}>
                      {status ? <span aria-hidden="true">{statusMark[status]} </span> : null}
                      {conditionText(locale, c)}
                      {status ? <> · {t(`circuits.case.status.${status}`)}</> : null}
                    </span>
                  );
                })}
              </span>
            </p>
          ) : null}
          {step.bring.length ? (
            <div className="circ-bring">
              <span className="circ-label">{t('circuits.bring')}</span>
              <ul>
                {step.bring.map((b, i) => (
                  <li key={i}>{textIn(locale, b)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {step.accompaniedBy ? (
            <p>
              <span className="circ-label">{t('directory.labelled', { label: t('circuits.accompaniedBy') })}</span> {textIn(locale, step.accompaniedBy)}
            </p>
          ) : null}
          {step.note ? (
            <p className="muted">
              <span className="circ-label">{t('directory.labelled', { label: t('circuits.note') })}</span> {textIn(locale, step.note)}
            </p>
          ) : null}
        </div>
        <div className="circ-where">
          <span className="circ-label">{t('circuits.services')}</span>
          {step.serviceType ? <p className="circ-any">{t('circuits.anyOfType', { type: termLabel(terms, step.serviceType, locale) })}</p> : null}
          {step.services.length ? (
            <ul className="dir-print-list circ-services">
              {step.services.map((s) => (
                <PrintedService key={s.id} s={s} days={days} />
              ))}
            </ul>
          ) : null}
          {step.services.length && referTo ? (
            <p className="circ-refer">
              {step.services.map((s) => (
                <span key={s.id}>{referTo(s)}</span>
              ))}
            </p>
          ) : null}
          {step.services.length ? null : <p className="muted">{t('circuits.noService')}</p>}
        </div>
      </div>
    </li>
  );
}
