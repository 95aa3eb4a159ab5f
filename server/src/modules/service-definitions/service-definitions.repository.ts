import { sql } from 'kysely';
import type { DefinedField, DefinedLabels } from '@relais/core';
import type { Queryable } from '../../db/index.ts';

/** One version of a defined service as stored. */
export interface StoredDefinition {
  code: string;
  version: number;
  program: string;
  labels: DefinedLabels;
  pictogram: string;
  fields: DefinedField[];
  retired: boolean;
  created_by: string | null;
  created_at: Date;
}

const columns = ['code', 'version', 'program', 'labels', 'pictogram', 'fields', 'retired', 'created_by', 'created_at'] as const;

/** The latest version of each of the organisation's defined services (of one program when given), by code. */
export async function selectLatestDefinitions(db: Queryable, organisationId: string, program?: string): Promise<StoredDefinition[]> {
  let q = db
    .selectFrom('service_definition as d')
    .select(columns)
    .where('d.organisation_id', '=', organisationId)
    .where(({ eb, selectFrom }) =>
      eb('d.version', '=', selectFrom('service_definition as n').select(sql<number>`max(n.version)`.as('v')).whereRef('n.organisation_id', '=', 'd.organisation_id').whereRef('n.code', '=', 'd.code')),
    );
  if (program) q = q.where('d.program', '=', program);
  return (await q.orderBy('d.code').execute()) as StoredDefinition[];
}

/** Stores a version of a definition; a version already there (a concurrent change) is a unique violation. */
export async function insertDefinition(db: Queryable, organisationId: string, userId: string | null, d: Omit<StoredDefinition, 'created_by' | 'created_at'>): Promise<Date> {
  const row = await db
    .insertInto('service_definition')
    .values({
      organisation_id: organisationId,
      code: d.code,
      version: d.version,
      program: d.program,
      labels: JSON.stringify(d.labels),
      pictogram: d.pictogram,
      fields: JSON.stringify(d.fields),
      retired: d.retired,
      created_by: userId,
    })
    .returning('created_at')
    .executeTakeFirstOrThrow();
  return row.created_at;
}

/** Is a program enabled for the organisation? */
export async function isProgramRun(db: Queryable, organisationId: string, program: string): Promise<boolean> {
  const row = await db.selectFrom('program').select('enabled').where('organisation_id', '=', organisationId).where('code', '=', program).executeTakeFirst();
  return row?.enabled === true;
}
