import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Card } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CascadeNodeData, CascadeSessionData, TrainingData, TrainingSummaryData } from './cascades-api.ts';
import { sessionLine, trainingDates } from './cascade-labels.ts';

/** The link that opens the group-session form as a cascade session of `training`, led by `traineeId`. */
export function cascadeSessionHref(training: TrainingSummaryData, traineeId: string): string {
  const q = new URLSearchParams({ trainingId: training.id, ledBy: traineeId, program: training.program, orgUnitId: training.orgUnit.id });
  return `/group-sessions/new?${q.toString()}`;
}

/** The link that opens the disclosure form at a session (its day, program and unit prefilled). */
export function disclosureLink(s: { id: string; date: string; theme: string; program: string; orgUnitId: string }): string {
  const q = new URLSearchParams({ groupSessionId: s.id, date: s.date, theme: s.theme, program: s.program, orgUnitId: s.orgUnitId });
  return `/disclosures/new?${q.toString()}`;
}

/**
 * The cascade as an indented tree (readable on a phone): the training, each person trained with
 * the sessions she led and the trainings she gave (the same, one level in), then the sessions
 * nobody of the training led. The API gives the levels flat, linked by ids.
 */
export function CascadeTree({ data }: { data: TrainingData }) {
  const { t } = useI18n();
  const nodes = new Map(data.cascade.map((n) => [n.training.id, n]));
  const root = nodes.get(data.training.id);
  return (
    <Card title={t('cascades.tree')}>
      <p className="field-hint">{t('cascades.treeIntro')}</p>
      {root ? (
        <ul className="casc-tree" aria-label={t('cascades.tree')}>
          <NodeItems node={root} nodes={nodes} seen={new Set([root.training.id])} />
        </ul>
      ) : null}
    </Card>
  );
}

function NodeItems({ node, nodes, seen }: { node: CascadeNodeData; nodes: Map<string, CascadeNodeData>; seen: Set<string> }) {
  const { t } = useI18n();
  const canWrite = useCan('service.write');
  const present = node.trainees.filter((x) => x.attended);
  return (
    <>
      {present.map((x) => {
        const below = x.trainingIds.filter((id) => !seen.has(id)).map((id) => nodes.get(id)).filter((n): n is CascadeNodeData => Boolean(n));
        const empty = x.sessions.length === 0 && below.length === 0;
        return (
          <li key={x.trainee.id}>
            <p className="casc-row">
              <strong className="casc-who">
                <bdi>{x.trainee.name}</bdi>
              </strong>
              {canWrite ? (
                <Link to={cascadeSessionHref(node.training, x.trainee.id)} aria-label={t('cascades.cascadeSessionBy', { name: x.trainee.name })}>
                  {t('cascades.cascadeSession')}
                </Link>
              ) : null}
            </p>
            {empty ? <p className="muted small">{t('cascades.nothingYet')}</p> : null}
            {empty ? null : (
              <ul>
                {x.sessions.map((s) => (
                  <SessionItem key={s.id} s={s} training={node.training} />
                ))}
                {below.map((n) => (
                  <li key={n.training.id}>
                    <p>
                      <Link to={`/trainings/${encodeURIComponent(n.training.id)}`}>{t('cascades.gave', { theme: n.training.theme })}</Link>
                    </p>
                    <TrainingLine training={n.training} />
                    <ul>
                      <NodeItems node={n} nodes={nodes} seen={new Set([...seen, n.training.id])} />
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
      {node.sessions.length ? (
        <li>
          <p className="muted">{t('cascades.otherSessions')}</p>
          <ul>
            {node.sessions.map((s) => (
              <SessionItem key={s.id} s={s} training={node.training} />
            ))}
          </ul>
        </li>
      ) : null}
    </>
  );
}

function TrainingLine({ training }: { training: TrainingSummaryData }) {
  const i18n = useI18n();
  return (
    <p className="muted small">
      {trainingDates(i18n, training)} · {i18n.t('cascades.attended', { attended: training.attended, enrolled: training.enrolled })}
    </p>
  );
}

function SessionItem({ s, training }: { s: CascadeSessionData; training: TrainingSummaryData }) {
  const i18n = useI18n();
  const { t } = i18n;
  const canWrite = useCan('service.write');
  return (
    <li>
      <p>{sessionLine(i18n, s)}</p>
      <p className="small casc-choice">
        <bdi className="muted">{s.theme}</bdi>
        {s.disclosures ? <span>{t('cascades.sessionDisclosures', { n: s.disclosures })}</span> : null}
        {canWrite ? <Link to={disclosureLink({ ...s, program: training.program, orgUnitId: training.orgUnit.id })}>{t('cascades.disclose')}</Link> : null}
      </p>
    </li>
  );
}
