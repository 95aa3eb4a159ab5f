import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';

/** What the register of processing reads of the organisation's configuration and data, in numbers (ADR 0026). SQL only. */

export async function enabledPrograms(db: Queryable, org: string): Promise<string[]> {
  const r = await sql<{ code: string }>`select code from program where organisation_id = ${org} and enabled order by code`.execute(db);
  return r.rows.map((x) => x.code);
}

/** Receivers of person-level data: organisations and directory services referred to, with how many referrals. */
export async function recipients(db: Queryable, org: string) {
  const r = await sql<{ name: string; kind: 'organisation' | 'service'; referrals: number }>`
    select coalesce(o.name, ds.name, '') as name, case when r.to_organisation_id is not null then 'organisation' else 'service' end as kind, count(*)::int as referrals
    from referral r left join organisation o on o.id = r.to_organisation_id left join directory_service ds on ds.id = r.to_service_id
    where r.organisation_id = ${org}
    group by 1, 2 order by 3 desc, 1`.execute(db);
  return r.rows;
}

/** Active users by role (a user holding a role in several units counts once for it). */
export async function usersByRole(db: Queryable, org: string) {
  const r = await sql<{ role: string; users: number }>`
    select ra.role, count(distinct ra.user_id)::int as users
    from role_assignment ra join app_user u on u.organisation_id = ra.organisation_id and u.id = ra.user_id
    where ra.organisation_id = ${org} and u.active group by ra.role order by ra.role`.execute(db);
  return r.rows;
}

/** Counts that say which categories are held and how users sign in. */
export async function counts(db: Queryable, org: string) {
  const r = await sql<{ persons: number; erased: number; cases: number; ost: number; stories: number; voiceNotes: number; activeUsers: number; withSecondFactor: number }>`
    select
      (select count(*)::int from beneficiary where organisation_id = ${org} and merged_into is null and erased_at is null) as persons,
      (select count(*)::int from beneficiary where organisation_id = ${org} and erased_at is not null) as erased,
      (select count(*)::int from case_file where organisation_id = ${org}) as cases,
      (select count(*)::int from ost_episode where organisation_id = ${org}) as ost,
      (select count(*)::int from change_story where organisation_id = ${org}) as stories,
      (select count(*)::int from voice_note where organisation_id = ${org}) as "voiceNotes",
      (select count(*)::int from app_user where organisation_id = ${org} and active) as "activeUsers",
      (select count(*)::int from app_user where organisation_id = ${org} and active and totp_enabled_at is not null) as "withSecondFactor"`.execute(db);
  return r.rows[0] ?? { persons: 0, erased: 0, cases: 0, ost: 0, stories: 0, voiceNotes: 0, activeUsers: 0, withSecondFactor: 0 };
}
