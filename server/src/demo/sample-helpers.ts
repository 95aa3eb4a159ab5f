import { sql } from 'kysely';
import type { Queryable } from '../db/index.ts';
import { newId } from '../lib/ids.ts';

/** The day `back` days before `lastDay` (YYYY-MM-DD): the samples date their records backwards from it. */
export function daysBefore(lastDay: string): (back: number) => string {
  return (back) => new Date(Date.parse(`${lastDay}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
}

/** A generated entry of the directory outside Relais (an organisation and its one service) where samples refer people; returns the service's id. */
export async function insertDirectoryService(trx: Queryable, organisationName: string, service: { name: string; type: string }): Promise<string> {
  const organisation = newId();
  const id = newId();
  await sql`insert into directory_organization (id, name) values (${organisation}, ${organisationName})`.execute(trx);
  await sql`insert into directory_service (id, organization_id, name, service_type) values (${id}, ${organisation}, ${service.name}, ${service.type})`.execute(trx);
  return id;
}
