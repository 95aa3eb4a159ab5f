import { defaultIndicators } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { loadProgramServices } from '../capture/catalogue.service.ts';
import { loadRules, lockRules, rebuildFacts, replaceRules } from './report-facts.repository.ts';
import { findCustomIndicators } from './indicators.repository.ts';
import { reportRules, ruleKey, type ReportRule } from './report-rules.ts';

const byProgramAndSlot = (a: ReportRule, b: ReportRule) => (a.program < b.program ? -1 : a.program > b.program ? 1 : a.slot - b.slot);

/**
 * Keeps the report facts of an organisation (or of every one) in step with its
 * indicator definitions and program catalogue: when the rules they imply differ from
 * the stored ones, stores them and recomputes the person facts of the programs whose
 * rules changed (everything when none were stored), in one transaction. Cheap when
 * nothing changed. Returns the organisations rebuilt.
 */
export async function syncReportFacts(db: Queryable, organisationId?: string): Promise<string[]> {
  const organisations = organisationId
    ? [organisationId]
    : (await db.selectFrom('organisation').select('id').orderBy('id').execute()).map((o) => o.id);
  const rebuilt: string[] = [];
  for (const id of organisations) {
    await withTransaction(db, async (trx) => {
      await lockRules(trx);
      const wanted = reportRules([...defaultIndicators, ...(await findCustomIndicators(trx, id))], await loadProgramServices(trx, id));
      const stored = await loadRules(trx, id);
      const keysOf = (rules: ReportRule[], program: string) => rules.filter((r) => r.program === program).sort(byProgramAndSlot).map(ruleKey).join();
      const programs = [...new Set([...wanted, ...stored].map((r) => r.program))];
      const changed = programs.filter((p) => keysOf(stored, p) !== keysOf(wanted, p));
      if (changed.length === 0) return;
      await replaceRules(trx, id, wanted);
      // No rules yet (a new or restored database, or this version's first start): everything.
      await rebuildFacts(trx, id, stored.length ? changed : undefined);
      rebuilt.push(id);
    });
  }
  return rebuilt;
}
