import { useState } from 'react';
import { textIn } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Alert, Card, Loading, Select } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { territoryName } from '../directory/directory-labels.ts';
import { useDirectoryVocab } from '../directory/use-directory-vocab.ts';
import { wallClock } from './case-labels.ts';
import { CircuitFlow } from '../circuits/circuit-flow.tsx';
import { caseTypeLabel, posterHref, posterLocaleOf } from '../circuits/circuit-labels.ts';
import { getCaseCircuit } from '../circuits/circuits-api.ts';
import { newReferralHref } from '../referrals/person-referrals.tsx';
import '../circuits/circuits.css';

/**
 * "Prochaines étapes du circuit" on a case's page: the circuit of the case's territory (its unit's,
 * or another chosen) and situation, each step with where to go (phones, hours, stale marks), what
 * to bring and who accompanies, its conditions checked against the case (met, not met, to judge);
 * a step that does not apply stays shown, greyed; with `referFor` (the person, when the reader may
 * refer), each service offers to refer her there. Read again when the incident changes.
 */
export function CaseCircuitCard({ caseId, incident, referFor }: { caseId: string; incident: string | null; referFor?: string | undefined }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const vocab = useDirectoryVocab();
  const [territory, setTerritory] = useState<string | undefined>(undefined);
  const [caseType, setCaseType] = useState<string | undefined>(undefined);
  const read = useApi(() => getCaseCircuit(caseId, { territory, caseType }), [caseId, territory, caseType, incident]);
  const d = read.data;
  const error = read.error ?? vocab.error;
  const chooseTerritory = (code: string) => {
    setCaseType(undefined);
    setTerritory(code || undefined);
  };
  const territoryOptions = [{ value: '', label: t('circuits.case.chooseTerritory') }, ...vocab.territoryOptions];
  const caseTypeOptions = [{ value: '', label: t('circuits.case.chooseCaseType') }, ...(d?.circuits ?? []).map((c) => ({ value: c.caseType, label: textIn(locale, c.title) || caseTypeLabel(i18n, c.caseType) }))];
  const circuit = d?.circuit;
  return (
    <Card title={t('circuits.case.title')} className="circ-case">
      {error ? <Alert tone="error">{describeError(i18n, error)}</Alert> : null}
      {!d && !error ? <Loading label={t('app.loading')} /> : null}
      {d ? (
        <>
          {!d.unitTerritory && !d.territory ? <Alert tone="info">{t('circuits.case.noTerritory')}</Alert> : null}
          <div className="circ-case-choice">
            <Select
              label={t('field.territory')}
              value={d.territory?.code ?? ''}
              options={territoryOptions}
              onChange={chooseTerritory}
              hint={d.unitTerritory && d.unitTerritory.code !== d.territory?.code ? t('circuits.case.unitTerritory', { name: territoryName(d.unitTerritory.name, locale) }) : undefined}
            />
            {d.circuits.length ? <Select label={t('circuits.caseType')} value={circuit?.caseType ?? ''} options={caseTypeOptions} onChange={(v) => setCaseType(v || undefined)} /> : null}
          </div>
          {d.territory && !d.circuits.length ? <p className="muted">{t('circuits.case.noCircuit')}</p> : null}
          {d.circuits.length && !circuit ? <p className="muted">{t('circuits.case.pickCaseType')}</p> : null}
          {circuit ? (
            <>
              <p className="circ-case-links">
                <Link to={`/circuits/${encodeURIComponent(circuit.id)}`}>{t('circuits.case.openCircuit')}</Link>
                <Link to={posterHref(circuit.id, 'A4', posterLocaleOf('', locale))}>{t('circuits.poster')}</Link>
              </p>
              <p className="muted">{t('circuits.case.checkedAt', { date: wallClock(intlTag(locale), d.checkedAt) })}</p>
              <CircuitFlow
                steps={circuit.revision.steps}
                checks={circuit.revision.steps}
                days={vocab.days}
                terms={vocab.terms}
                label={t('circuits.flow')}
                referTo={referFor ? (s) => <Link to={newReferralHref({ beneficiaryId: referFor, caseId, serviceId: s.id })}>{t('referrals.fromCircuit', { name: s.name })}</Link> : undefined}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
