import { hasKey, translate } from './index.ts';
import type { Locale } from '../contracts/common.ts';
import type { CodeProblem, MatchReason } from '../domain/code-scheme.ts';
import type { MessageKey } from './fr.ts';

function partLabel(locale: Locale, part: string | undefined): string {
  const key = `code_part.${part ?? ''}`;
  return hasKey(key) ? translate(locale, key) : (part ?? '');
}

/** A problem of a typed code, in words ("the part 'birth year' (characters 5 to 8) must be digits: '19A5'."). */
export function describeCodeProblem(locale: Locale, p: CodeProblem): string {
  const { code, part, ...rest } = p;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) params[k] = v;
  return translate(locale, `code_problem.${code}` as MessageKey, { ...params, part: partLabel(locale, part) });
}

/** Why two codes may be one person, in words ("same as FAMO1985F except one letter of the mother's first name"). */
export function explainMatch(locale: Locale, reasons: readonly MatchReason[], candidateCode: string): string {
  return reasons
    .map((r) => {
      const key = `match.${r.kind}`;
      return hasKey(key) ? translate(locale, key, { code: candidateCode, part: partLabel(locale, r.part) }) : r.kind;
    })
    .join(' ; ');
}

/** A code problem as the params of an `invalid_code` field issue (flat, serialisable). */
export function codeProblemParams(p: CodeProblem): Record<string, string | number> {
  const { code, ...rest } = p;
  const out: Record<string, string | number> = { problem: code };
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
  return out;
}

/** The code problem carried by an `invalid_code` field issue's params. */
export function codeProblemFromParams(params: Record<string, string | number>): CodeProblem {
  const { problem, ...rest } = params;
  return { ...rest, code: String(problem) } as CodeProblem;
}
