import { serviceStockUse } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import { recordVisits } from '../registry/index.ts';
import { followServices } from '../stock/index.ts';
import { insertServices, type NewService } from './capture.repository.ts';
import { numberTests } from './register-numbers.service.ts';

export type { NewService } from './capture.repository.ts';

/**
 * The one write of checked services, shared by contacts, sync batches, group sessions and imports:
 * tests without a register number get the next ones of their unit's register, the services are
 * written in bulk, and the persons are known in the units that served them (since the earliest
 * date) and last seen on the latest; the items they hand out are taken from the stock of their
 * site or unit (a negative balance never refuses a service). Inside the caller's transaction.
 */
export async function writeServices(
  trx: Queryable,
  organisationId: string,
  rows: NewService[],
  options: { skipExisting?: boolean; onWritten?: (done: number) => void } = {},
): Promise<void> {
  if (rows.length === 0) return;
  await numberTests(trx, organisationId, rows);
  await insertServices(trx, organisationId, rows, options);
  await recordVisits(
    trx,
    organisationId,
    rows.map((r) => ({ personId: r.beneficiary_id, unitId: r.org_unit_id, date: r.service_date })),
  );
  // Built-in services that take items, and defined ones (a quantity field may name a stock item).
  const taking = rows.filter((r) => r.service in serviceStockUse || r.definition_version != null);
  if (taking.length === 0) return;
  // New services have no line to take back, unless a retried batch skipped some already written.
  await followServices(trx, organisationId, taking.map((r) => r.id), 'service_event', { fresh: !options.skipExisting, defined: taking.some((r) => r.definition_version != null) });
}

/** A service corrected or deleted: its distribution lines follow it (the stock it took is given back). */
export async function serviceChanged(trx: Queryable, organisationId: string, id: string): Promise<void> {
  await followServices(trx, organisationId, [id]);
}
