import { sql } from 'kysely';
import type { Queryable } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { daysBefore, insertDirectoryService } from './sample-helpers.ts';
import { seededRandom } from '@relais/core';

// A generated awareness cascade for the demo (no real person): a training of trainers at a
// section, its trainees (professionals of partner organisations, young peer educators), the
// thematic training one of them gave, the cascade sessions they led with children and parents,
// and a few disclosures, some already in the care circuit.

const names = ['Formatrice A', 'Formateur B', 'Éducatrice C', 'Animateur D', 'Pair éducatrice E', 'Pair éducateur F', 'Pair éducatrice G'];

export async function createDemoCascade(db: Queryable, p: { organisationId: string; unitId: string; createdBy: string; lastDay: string }): Promise<{ trainings: number; sessions: number; disclosures: number }> {
  const rand = seededRandom(14);
  const o = p.organisationId;
  const day = daysBefore(p.lastDay);
  const program = 'child_protection';
  const trainees = names.map((name, i) => ({ id: newId(), name, kind: i < 4 ? 'professional' : 'peer_educator', sex: i % 2 ? 'M' : 'F', birthYear: i < 4 ? 1980 + i * 3 : 2010 + (i % 3) }));
  const tot = newId();
  const thematic = newId();
  let sessions = 0;
  let disclosures = 0;
  await db.transaction().execute(async (trx) => {
    // Where the disclosures are referred: a generated entry of the directory.
    const service = await insertDirectoryService(trx, 'Unité de protection de l’enfance (démo)', { name: 'Écoute et prise en charge des enfants (démo)', type: 'child_protection' });
    for (const t of trainees) {
      await sql`insert into trainee (organisation_id, id, kind, name, sex, birth_year, partner_organisation, created_by)
        values (${o}, ${t.id}, ${t.kind}, ${t.name}, ${t.sex}, ${t.birthYear}, ${t.kind === 'professional' ? 'Association partenaire' : null}, ${p.createdBy})`.execute(trx);
    }
    const training = async (id: string, kind: string, theme: string, start: string, end: string, ledBy: string | null, who: typeof trainees) => {
      await sql`insert into training (organisation_id, id, program, org_unit_id, kind, theme, start_on, end_on, modality, led_by_trainee_id, created_by)
        values (${o}, ${id}, ${program}, ${p.unitId}, ${kind}, ${theme}, ${start}, ${end}, 'in_person', ${ledBy}, ${p.createdBy})`.execute(trx);
      for (const [i, t] of who.entries()) {
        await sql`insert into training_attendance (organisation_id, training_id, trainee_id, attended, recorded_by) values (${o}, ${id}, ${t.id}, ${i !== 3}, ${p.createdBy})`.execute(trx);
      }
    };
    await training(tot, 'training_of_trainers', 'Protection de l’enfance et prévention des violences', day(200), day(198), null, trainees.slice(0, 4));
    await training(thematic, 'peer_educators', 'Mon corps m’appartient (pairs éducateurs)', day(150), day(150), trainees[0]!.id, trainees.slice(4));
    const leaders = [
      { training: tot, trainee: trainees[0]! },
      { training: tot, trainee: trainees[1]! },
      { training: thematic, trainee: trainees[4]! },
      { training: thematic, trainee: trainees[5]! },
    ];
    for (let n = 0; n < 16; n++) {
      const leader = leaders[n % leaders.length]!;
      const children = n % 3 !== 2;
      const id = newId();
      const counts = children
        ? [{ sex: 'F', ageGroup: '9-11', count: 4 + Math.floor(rand() * 8) }, { sex: 'M', ageGroup: '9-11', count: 3 + Math.floor(rand() * 8) }, { sex: 'F', ageGroup: '12-14', count: 2 + Math.floor(rand() * 6) }]
        : [{ sex: 'F', ageGroup: '25+', count: 5 + Math.floor(rand() * 10) }, { sex: 'M', ageGroup: '25+', count: 1 + Math.floor(rand() * 4) }];
      const date = day(140 - n * 8);
      await sql`insert into group_session (organisation_id, id, session_date, org_unit_id, program, type, theme, facilitator_ids, anonymous, audience, training_id, led_by_trainee_id, audience_counts, disability_count, created_by)
        values (${o}, ${id}, ${date}, ${p.unitId}, ${program}, ${children ? 'awareness_children' : 'awareness_parents'}, ${children ? 'Mon corps m’appartient' : 'Parler avec son enfant'}, '{}', '[]',
          ${children ? 'children' : 'parents'}, ${leader.training}, ${leader.trainee.id}, ${JSON.stringify(counts)}, ${Math.floor(rand() * 2)}, ${p.createdBy})`.execute(trx);
      sessions++;
      if (children && n % 4 === 0) {
        const entered = n % 8 === 0 ? day(140 - n * 8 - 3) : null; // three days after: in time
        await sql`insert into disclosure (organisation_id, id, disclosed_on, program, org_unit_id, group_session_id, sex, age_group, entry, entered_on, referred_service_id, created_by)
          values (${o}, ${newId()}, ${date}, ${program}, ${p.unitId}, ${id}, ${n % 8 ? 'M' : 'F'}, '9-11', ${entered ? 'referral_sent' : null}, ${entered}, ${entered ? service : null}, ${p.createdBy})`.execute(trx);
        disclosures++;
      }
    }
  });
  return { trainings: 2, sessions, disclosures };
}
