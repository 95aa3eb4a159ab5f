import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { LoadedPage, ErrorAlert } from '../../app/read-status.tsx';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Button, Card, Page } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { programLabel } from '../../i18n/labels.ts';
import { getTraining, setAttended, type TrainingData } from './cascades-api.ts';
import { trainingDates } from './cascade-labels.ts';
import { AddTrainee } from './add-trainee.tsx';
import { CascadeTree } from './cascade-tree.tsx';
import './cascades.css';

/** A training: what it was, who attended (present or absent), adding a person, and the cascade it started. */
export function TrainingPage({ trainingId }: { trainingId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const training = useApi(() => getTraining(trainingId), [trainingId]);
  const back = <Link to="/trainings">{t('cascades.back')}</Link>;
  return (
    <LoadedPage of={training} title={t('cascades.title')} actions={back}>
      {(data) => (
        <Page title={data.training.theme} intro={`${t(`training_kind.${data.training.kind}`)} · ${programLabel(t, data.training.program)}`} actions={back}>
          <div className="stack">
            <p>
              {trainingDates(i18n, data.training)} · <bdi>{data.training.orgUnit.name}</bdi> · {t(`cascades.modality.${data.training.modality}`)}
              {data.training.partner ? (
                <>
                  {' · '}
                  <bdi>{data.training.partner}</bdi>
                </>
              ) : null}
            </p>
            {data.training.ledBy ? <p>{t('cascades.ledBy', { name: data.training.ledBy.name })}</p> : null}
            <Attendance data={data} onChange={training.setData} />
            <CascadeTree data={data} />
          </div>
        </Page>
      )}
    </LoadedPage>
  );
}

function Attendance({ data, onChange }: { data: TrainingData; onChange: (d: TrainingData) => void }) {
  const { t } = useI18n();
  const canWrite = useCan('service.write');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const id = data.training.id;
  const toggle = async (traineeId: string, attended: boolean) => {
    setBusy(traineeId);
    setError(undefined);
    try {
      onChange(await setAttended(id, traineeId, attended));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card title={`${t('cascades.attendance')} · ${t('cascades.attended', { attended: data.training.attended, enrolled: data.training.enrolled })}`}>
      <ErrorAlert error={error} />
      {data.attendance.length === 0 ? <p className="muted">{t('cascades.noAttendance')}</p> : null}
      <ul className="item-list" aria-label={t('cascades.attendance')}>
        {data.attendance.map(({ trainee, attended }) => (
          <li key={trainee.id} className={attended ? 'item casc-row' : 'item casc-row casc-absent'}>
            <span className="casc-who">
              <bdi>{trainee.name}</bdi>
              <span className="muted small">
                {' · '}
                {t(`trainee_kind.${trainee.kind}`)}
                {trainee.organisation ? (
                  <>
                    {' · '}
                    <bdi>{trainee.organisation}</bdi>
                  </>
                ) : null}
              </span>
            </span>
            <strong>{attended ? t('cascades.present') : t('cascades.absent')}</strong>
            {canWrite ? (
              <Button
                size="small"
                busy={busy === trainee.id}
                aria-label={attended ? t('cascades.markAbsent', { name: trainee.name }) : t('cascades.markPresent', { name: trainee.name })}
                onClick={() => void toggle(trainee.id, !attended)}
              >
                {attended ? t('cascades.setAbsent') : t('cascades.setPresent')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canWrite ? <AddTrainee training={data} onAdded={onChange} /> : null}
    </Card>
  );
}
