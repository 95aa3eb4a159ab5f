import { defaultIndicators, type IndicatorDefinition } from '@relais/core';
import type { Queryable } from '../../db/index.ts';

export interface StoredIndicator extends IndicatorDefinition {
  labels: { fr: string; ar: string; en: string };
}

/** Every indicator of an organisation: the defaults, then its own. */
export async function loadIndicators(db: Queryable, organisationId: string): Promise<IndicatorDefinition[]> {
  return [...defaultIndicators, ...(await findCustomIndicators(db, organisationId))];
}

/** The organisation's own indicators, by code. */
export async function findCustomIndicators(db: Queryable, organisationId: string): Promise<StoredIndicator[]> {
  const rows = await db.selectFrom('indicator_definition').select(['code', 'labels', 'measure']).where('organisation_id', '=', organisationId).orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, labels: r.labels, measure: r.measure as IndicatorDefinition['measure'] }));
}

export async function insertIndicator(db: Queryable, organisationId: string, createdBy: string, def: StoredIndicator): Promise<void> {
  await db
    .insertInto('indicator_definition')
    .values({ organisation_id: organisationId, code: def.code, labels: JSON.stringify(def.labels), measure: JSON.stringify(def.measure), created_by: createdBy })
    .execute();
}

export async function updateIndicator(db: Queryable, organisationId: string, def: StoredIndicator): Promise<boolean> {
  const res = await db
    .updateTable('indicator_definition')
    .set({ labels: JSON.stringify(def.labels), measure: JSON.stringify(def.measure), updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('code', '=', def.code)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function deleteIndicator(db: Queryable, organisationId: string, code: string): Promise<void> {
  await db.deleteFrom('indicator_definition').where('organisation_id', '=', organisationId).where('code', '=', code).execute();
}

/** Targets set on an indicator (they go with it). */
export async function deleteTargetsOf(db: Queryable, organisationId: string, code: string): Promise<void> {
  await db.deleteFrom('target').where('organisation_id', '=', organisationId).where('indicator', '=', code).execute();
}
