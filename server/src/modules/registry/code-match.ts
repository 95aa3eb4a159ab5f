import { checkCode as checkCodeShape, closestFirst, compareCodes, neighbourCodes, type CodeProblem, type CodeScheme, type Match } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import * as repo from './registry.repository.ts';

/** A candidate of the duplicate check, before scoping. */
export interface Candidate {
  id: string;
  code: string;
  registeredBy: string | null;
  match: Match;
}

/** What the code matches in the whole organisation (no scoping: callers scope). */
export interface CodeMatches {
  code: string;
  problems: CodeProblem[];
  /** The record with this code, or the record it was merged into (alias). */
  exact: { id: string; code: string; viaAlias: boolean } | null;
  candidates: Candidate[];
}

/** Follows merges to the record that stands for a code today. */
export async function resolveAlias(db: Queryable, organisationId: string, row: { id: string; code: string; merged_into: string | null }) {
  let current = row;
  for (let hops = 0; current.merged_into && hops < 20; hops++) {
    const next = await repo.findById(db, organisationId, current.merged_into);
    if (!next) break;
    current = { id: next.id, code: next.code, merged_into: next.merged_into };
  }
  return current;
}

/**
 * The code-first check, organisation-wide: exact record (or alias), then
 * probable duplicates compared part by part, best first. Used by the API, the
 * CLI and imports alike.
 */
export async function matchCode(db: Queryable, organisationId: string, scheme: CodeScheme, typed: string): Promise<CodeMatches> {
  const shape = checkCodeShape(scheme, typed);
  if (!shape.ok) return { code: typed.trim().toUpperCase(), problems: shape.problems, exact: null, candidates: [] };
  const code = shape.code;
  const row = await repo.findByCode(db, organisationId, code);
  let exact: CodeMatches['exact'] = null;
  if (row) {
    const stands = await resolveAlias(db, organisationId, row);
    exact = { id: stands.id, code: stands.code, viaAlias: stands.id !== row.id };
  }
  const near = await repo.selectByCodes(db, organisationId, neighbourCodes(scheme, code));
  const decided = exact ? await repo.decidedPartners(db, organisationId, exact.id) : new Set<string>();
  const candidates: Candidate[] = [];
  for (const n of near) {
    if (n.code === code || n.merged_into || n.id === exact?.id || decided.has(n.id)) continue;
    const match = compareCodes(scheme, code, n.code);
    if (match && match.score < 1) candidates.push({ id: n.id, code: n.code, registeredBy: n.registered_by, match });
  }
  candidates.sort(closestFirst);
  return { code, problems: [], exact, candidates };
}
