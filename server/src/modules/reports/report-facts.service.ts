import { defaultIndicators } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { loadProgramServices } from '../capture/catalogue.service.ts';
import { loadRules, rebuildFacts, replaceRules } from './report-facts.repository.ts';
import { findCustomIndicators } from './indicators.repository.ts';
import { reportRules, ruleKey, type ReportRule } from './report-rules.ts';

const byProgramAndSlot = (a: ReportRule, b: ReportRule) => (a.program < b.program ? -1 : a.program > b.program ? 1 : a.slot - b.slot);

/**
 * Keeps the report facts of an organisation (or of every one) in step with its
 * indicator definitions and program catalogue: when the rules they imply differ from
 * the stored ones, stores them and recomputes the facts from the services, in one
 * transaction. Cheap when nothing changed. Returns the organisations rebuilt.
 */
export async function syncReportFacts(db: Queryable, organisationId?: string): Promise<string[]> {
  const organisations = organisationId
    ? [organisationId]
    : (await db.selectFrom('organisation').select('id').orderBy('id').execute()).map((o) => o.id);
  const rebuilt: string[] = [];
  for (const id of organisations) {
    await withTransaction(db, async (trx) => {
      const wanted = reportRules([...defaultIndicators, ...(await findCustomIndicators(trx, id))], await loadProgramServices(trx, id));
      const stored = await loadRules(trx, id);
      if (stored.sort(byProgramAndSlot).map(ruleKey).join() === wanted.sort(byProgramAndSlot).map(ruleKey).join()) return;
      await replaceRules(trx, id, wanted);
      await rebuildFacts(trx, id);
      rebuilt.push(id);
    });
  }
  return rebuilt;
}
