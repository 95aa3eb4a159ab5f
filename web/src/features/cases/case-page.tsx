import { useState } from 'react';
import { getCase, type CaseData } from '../../api/cases.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Alert, Button, Page } from '../../ui/index.ts';
import { LoadedPage } from '../../app/read-status.tsx';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { vocab, wallClock } from './case-labels.ts';
import { CaseClock } from './case-clock.tsx';
import { CaseHeader } from './case-header.tsx';
import { IncidentCard } from './incident-card.tsx';
import { AssessmentCard } from './assessment-card.tsx';
import { ActionsCard } from './actions-card.tsx';
import { AppointmentsCard } from './appointments-card.tsx';
import { CaseServices } from './case-services.tsx';
import { CaseCircuitCard } from './case-circuit-card.tsx';
import { NotesCard, HistoryCard } from './notes-history.tsx';
import { CloseDialog, ReopenDialog } from './close-dialog.tsx';
import { newReferralHref } from '../referrals/person-referrals.tsx';

/** One case: header, the 72 h / 120 h clock, incident, assessment, plan, appointments, history, next steps in the circuit, services, notes. */
export function CasePage({ caseId }: { caseId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const record = useApi(() => getCase(caseId), [caseId]);
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  const canCollectStory = useCan('case.write');
  const canRefer = useCan('referral.send');

  return (
    <LoadedPage of={record} title={t('cases.case.titleUnknown')} actions={<Link to="/cases">{t('cases.backToList')}</Link>}>
      {(c) => {
        const canWrite = c.can.write && c.status === 'open';
        const onChange = (next: CaseData) => record.setData(next);

        return (
          <Page
            title={t('cases.case.title', { code: c.beneficiary.code })}
            intro={t('cases.case.intro', { program: vocab(i18n, 'program', c.program), unit: c.orgUnit.name })}
            actions={
              <>
                <Link to="/cases">{t('cases.backToList')}</Link>
                {canCollectStory ? <Link to={`/stories/new?beneficiary=${encodeURIComponent(c.beneficiary.id)}&case=${encodeURIComponent(c.id)}&program=${encodeURIComponent(c.program)}`}>{t('stories.collect')}</Link> : null}
                {canRefer ? <Link to={newReferralHref({ beneficiaryId: c.beneficiary.id, caseId: c.id })}>{t('referrals.refer')}</Link> : null}
                {c.can.write && c.status === 'open' ? <Button onClick={() => setDialog('close')}>{t('cases.close')}</Button> : null}
                {c.can.write && c.status === 'closed' ? <Button onClick={() => setDialog('reopen')}>{t('cases.reopen')}</Button> : null}
              </>
            }
          >
            {c.status === 'closed' ? (
              <Alert tone="info">
                {t('cases.closedNotice', { date: wallClock(intlTag(i18n.locale), c.closedOn ?? ''), reason: vocab(i18n, 'closure_reason', c.closureReason) })}
              </Alert>
            ) : null}
            <div className="stack">
              {c.clock ? <CaseClock clock={c.clock} open={c.status === 'open'} /> : null}
              <div className="grid-2">
                <CaseHeader c={c} canWrite={canWrite} onChange={onChange} />
                <IncidentCard c={c} canWrite={canWrite} onChange={onChange} />
                <AssessmentCard c={c} canWrite={canWrite} onChange={onChange} />
                <ActionsCard c={c} canWrite={canWrite} onChange={onChange} />
                <AppointmentsCard c={c} canWrite={canWrite} onChange={onChange} />
                <HistoryCard c={c} />
              </div>
              <CaseCircuitCard caseId={c.id} incident={c.incident ? `${c.incident.date}T${c.incident.time ?? ''}` : null} referFor={canRefer ? c.beneficiary.id : undefined} />
              <CaseServices c={c} canWrite={canWrite} onRecorded={record.reload} />
              {c.notes !== null ? <NotesCard c={c} canWrite={c.can.write} onChange={onChange} /> : null}
            </div>
            {dialog === 'close' ? <CloseDialog c={c} onClose={() => setDialog(null)} onDone={onChange} /> : null}
            {dialog === 'reopen' ? <ReopenDialog c={c} onClose={() => setDialog(null)} onDone={onChange} /> : null}
          </Page>
        );
      }}
    </LoadedPage>
  );
}
