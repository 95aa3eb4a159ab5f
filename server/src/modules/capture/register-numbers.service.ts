import { DomainError, type ServiceRecord, invalidField } from '@relais/core';
import { isUniqueViolation, withTransaction, type Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { advanceRegisterCounter, registerKey, selectTakenRegisterNos, updateServiceRow, type RegisterKey } from './capture.repository.ts';
import { loadServices, visibleService } from './capture-checks.ts';

/**
 * The next `count` numbers of a unit's testing register for a year, in order. The counter row is
 * locked by the update, so concurrent tests get distinct numbers; numbers already taken
 * (transcribed from paper) are skipped. A batch takes its numbers in one step, not one per test.
 */
export async function allocateRegisterNos(trx: Queryable, organisationId: string, unitId: string, year: number, count: number): Promise<number[]> {
  const out: number[] = [];
  while (out.length < count) {
    const block = await advanceRegisterCounter(trx, organisationId, unitId, year, count - out.length);
    const taken = await selectTakenRegisterNos(trx, organisationId, block.map((registerNo) => ({ unitId, year, registerNo })));
    out.push(...block.filter((registerNo) => !taken.has(registerKey({ unitId, year, registerNo }))));
  }
  return out;
}

/** Which of these transcribed numbers are already taken, as `registerKey`s. */
export function takenRegisterNos(trx: Queryable, organisationId: string, keys: readonly RegisterKey[]): Promise<Set<string>> {
  return selectTakenRegisterNos(trx, organisationId, keys);
}

/** Gives a number to each test of `rows` that has none, from its unit's register of its year. */
export async function numberTests<T extends { service: string; register_no: number | null; register_year: number | null; org_unit_id: string; service_date: string }>(
  trx: Queryable,
  organisationId: string,
  rows: readonly T[],
): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    if (r.service !== 'hiv_test' || r.register_no !== null) continue;
    const key = `${r.org_unit_id}:${r.service_date.slice(0, 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    const year = Number(group[0]!.service_date.slice(0, 4));
    const numbers = await allocateRegisterNos(trx, organisationId, group[0]!.org_unit_id, year, group.length);
    group.forEach((r, i) => {
      r.register_no = numbers[i]!;
      r.register_year = year;
    });
  }
}

export function createRegisterNumbersService(db: Queryable) {
  return {
    /** Corrects an HIV test's register number once (transcribing a paper register); the number stays unique. */
    async setRegisterNo(ctx: RequestContext, id: string, registerNo: number): Promise<ServiceRecord> {
      return withTransaction(db, async (trx) => {
        const { row } = await visibleService(trx, ctx, id, 'service.write');
        if (row.service !== 'hiv_test') throw invalidField('registerNo', 'not_applicable');
        if (row.register_no_edited) throw new DomainError('register_no_locked');
        try {
          await updateServiceRow(trx, ctx.actor.organisationId, id, { register_no: registerNo, register_no_edited: true });
        } catch (error) {
          if (isUniqueViolation(error)) throw invalidField('registerNo', 'taken');
          throw error;
        }
        await recordAudit(trx, whoOf(ctx), { action: 'service.register_no', entityType: 'service', entityId: id, details: { from: row.register_no, to: registerNo } });
        return (await loadServices(trx, ctx, [id]))[0]!;
      });
    },
  };
}
