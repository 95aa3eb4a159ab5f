import type { CascadeNode, CascadeSession, Trainee, TrainingSummary } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import * as repo from './cascades.repository.ts';

// The cascade as a tree: a training, its trainees, what each led — cascade sessions attached to the
// training, and trainings she gave after it (the next level). Read level by level (one query per
// level and kind, not per node), at most MAX_DEPTH levels deep.

const MAX_DEPTH = 6;

export function toTrainee(r: repo.TraineeRow): Trainee {
  return {
    id: r.id,
    kind: r.kind as Trainee['kind'],
    name: r.name,
    sex: r.sex as Trainee['sex'],
    birthYear: r.birth_year,
    organisation: r.partner_organisation,
    function: r.function,
    trainings: r.trainings,
    sessionsLed: r.sessions_led,
  };
}

export function toTrainingSummary(r: repo.TrainingRow): TrainingSummary {
  return {
    id: r.id,
    program: r.program as TrainingSummary['program'],
    orgUnit: { id: r.org_unit_id, name: r.org_unit_name },
    kind: r.kind as TrainingSummary['kind'],
    theme: r.theme,
    startOn: r.start_on,
    endOn: r.end_on,
    modality: r.modality as TrainingSummary['modality'],
    partner: r.partner,
    ledBy: r.led_by_trainee_id ? { id: r.led_by_trainee_id, name: r.led_by_name ?? '?' } : null,
    enrolled: r.enrolled,
    attended: r.attended,
    sessions: r.sessions,
    trainings: r.trainings,
    sensitised: r.sensitised,
  };
}

function toSession(r: repo.SessionRow): CascadeSession {
  return {
    id: r.id,
    date: r.date,
    theme: r.theme,
    audience: r.audience as CascadeSession['audience'],
    ledBy: r.led_by_trainee_id ? { id: r.led_by_trainee_id, name: r.led_by_name ?? '?' } : null,
    sensitised: r.sensitised,
    disclosures: r.disclosures,
  };
}

/** The cascade below a training, level by level (the reader's places bound the trainings shown at every level). */
export async function cascadeOf(db: Queryable, org: string, places: repo.Places, root: repo.TrainingRow): Promise<CascadeNode[]> {
  const out: CascadeNode[] = [];
  let level: Array<{ row: repo.TrainingRow; parent: CascadeNode['parent'] }> = [{ row: root, parent: null }];
  const seen = new Set([root.id]);
  for (let depth = 0; depth < MAX_DEPTH && level.length; depth++) {
    const rows = level.map((l) => l.row);
    const ids = rows.map((t) => t.id);
    const [attendance, sessions] = await Promise.all([repo.selectAttendance(db, org, ids), repo.selectCascadeSessions(db, org, ids)]);
    const traineeIds = [...new Set(attendance.filter((a) => a.attended).map((a) => a.id))];
    const led = traineeIds.length ? (await repo.selectTrainings(db, org, places, { ledBy: traineeIds })).rows.filter((t) => !seen.has(t.id)) : [];
    const next: typeof level = [];
    for (const { row: t, parent } of level) {
      const node: CascadeNode = { training: toTrainingSummary(t), parent, trainees: [], sessions: [] };
      for (const a of attendance.filter((x) => x.training_id === t.id)) {
        const own = sessions.filter((s) => s.training_id === t.id && s.led_by_trainee_id === a.id).map(toSession);
        // A training she gave after this one, and this one the last she attended before giving it.
        const given = a.attended
          ? led.filter((c) => c.led_by_trainee_id === a.id && c.start_on >= t.end_on && !seen.has(c.id) && lastAttendedBefore(attendance, a.id, c.start_on, rows) === t.id)
          : [];
        for (const c of given) {
          seen.add(c.id);
          next.push({ row: c, parent: { trainingId: t.id, traineeId: a.id } });
        }
        node.trainees.push({ trainee: toTrainee(a), attended: a.attended, sessions: own, trainingIds: given.map((c) => c.id) });
      }
      const leaders = new Set(attendance.filter((x) => x.training_id === t.id).map((x) => x.id));
      node.sessions = sessions.filter((s) => s.training_id === t.id && !(s.led_by_trainee_id && leaders.has(s.led_by_trainee_id))).map(toSession);
      out.push(node);
    }
    level = next;
  }
  return out;
}

/** Of the trainings of this level a trainee attended, the one that ended last on or before a date. */
function lastAttendedBefore(attendance: ReadonlyArray<{ id: string; training_id: string; attended: boolean }>, traineeId: string, date: string, level: readonly repo.TrainingRow[]): string | undefined {
  const ends = new Map(level.map((t) => [t.id, t.end_on]));
  return attendance
    .filter((a) => a.id === traineeId && a.attended && (ends.get(a.training_id) ?? '9999') <= date)
    .sort((x, y) => (ends.get(y.training_id) ?? '').localeCompare(ends.get(x.training_id) ?? ''))[0]?.training_id;
}
