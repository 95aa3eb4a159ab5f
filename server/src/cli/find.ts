import { DomainError, codeProblemParams, explainMatch, type MatchReason } from '@relais/core';
import { matchCode } from '../modules/registry/index.ts';
import { loadRegistrySettings } from '../modules/settings/index.ts';
import { contextOf, locale, UsageError, withDb, type Command } from './shared.ts';

/** `relais find CODE`: the exact record and the probable duplicates of a code unique. */
export const find: Command = async ({ config, values, positionals }) => {
  const typed = positionals[0];
  if (!values.org || !typed) throw new UsageError('find needs --org CODE and a code unique');
  if (values.format !== 'jsonl' && values.format !== 'text') throw new UsageError('--format is jsonl or text');
  await withDb(config, async (db) => {
    const org = (await contextOf(db, values.org!)).actor.organisationId;
    const settings = await loadRegistrySettings(db.kysely, org);
    const found = await matchCode(db.kysely, org, settings.codeScheme, typed);
    if (found.problems.length) {
      throw new DomainError('validation_failed', { fields: found.problems.map((p) => ({ field: 'code', code: 'invalid_code' as const, params: codeProblemParams(p) })) });
    }
    const lines = [
      ...(found.exact ? [{ code: found.exact.code, kind: 'exact', score: 1, reasons: found.exact.viaAlias ? [{ kind: 'alias', part: found.code }] : [] }] : []),
      ...found.candidates.map((c) => ({ code: c.code, kind: 'probable', score: Math.round(c.match.score * 100) / 100, reasons: c.match.reasons })),
    ];
    for (const line of lines) {
      if (values.format === 'jsonl') console.log(JSON.stringify(line));
      else console.log(`${line.kind.padEnd(9)} ${line.code.padEnd(12)} ${line.score.toFixed(2)}  ${line.kind === 'probable' ? explainMatch(locale, line.reasons as MatchReason[], line.code) : ''}`);
    }
  });
  return 0;
};
