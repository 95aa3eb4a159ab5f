import { invalidField, stepForCase, type CaseCircuit, type CaseCircuitFacts, type Territory } from '@relais/core';
import type { RequestContext } from '../../context/index.ts';
import type { CasesService } from '../cases/index.ts';
import type { DirectoryUseCases } from '../directory/index.ts';
import type { CircuitsUseCases } from './circuits.service.ts';

type Cases = Pick<CasesService, 'circuitFacts'>;
type Directory = Pick<DirectoryUseCases, 'territories'>;
type Circuits = Pick<CircuitsUseCases, 'list' | 'get'>;

const refOf = (t: Territory) => ({ code: t.code, name: t.name });

/**
 * A case's "next steps in the circuit" (issue 14): the circuits of the case's territory (its
 * unit's, inherited from the nearest ancestor, or another one asked for), and the one chosen with
 * each step's services as the directory has them now and its conditions checked against the case.
 * Reading it is reading the case: the cases policy decides, and the read is audited.
 */
export function createCaseCircuitService(cases: Cases, directory: Directory, circuits: Circuits) {
  return {
    async forCase(ctx: RequestContext, caseId: string, q: { territory?: string | undefined; caseType?: string | undefined }): Promise<CaseCircuit> {
      const territories = (await directory.territories(ctx)).items;
      const asked = q.territory === undefined ? undefined : territories.find((t) => t.code === q.territory);
      if (q.territory !== undefined && !asked) throw invalidField('territory', 'unknown_reference', { value: q.territory });
      const facts: CaseCircuitFacts & { territoryId: string | null } = await cases.circuitFacts(ctx, caseId);
      const unitTerritory = territories.find((t) => t.id === facts.territoryId) ?? null;
      const territory = asked ?? unitTerritory;
      const list = territory ? (await circuits.list(ctx, { territory: territory.code })).items : [];
      const chosen = q.caseType !== undefined ? list.find((c) => c.caseType === q.caseType) : list.length === 1 ? list[0] : undefined;
      if (q.caseType !== undefined && !chosen) throw invalidField('caseType', 'unknown_reference', { value: q.caseType });
      const circuit = chosen ? await circuits.get(ctx, chosen.id) : null;
      return {
        unitTerritory: unitTerritory && refOf(unitTerritory),
        territory: territory && refOf(territory),
        circuits: list.map((c) => ({ id: c.id, caseType: c.caseType, title: c.title })),
        circuit: circuit && {
          id: circuit.id,
          caseType: circuit.caseType,
          title: circuit.title,
          revision: {
            ...circuit.revision,
            steps: circuit.revision.steps.map((s) => {
              const checked = stepForCase(s.conditions, facts);
              return { ...s, applies: checked.applies, conditionStatuses: checked.conditions };
            }),
          },
        },
        checkedAt: facts.now,
      };
    },
  };
}
export type CaseCircuitUseCases = ReturnType<typeof createCaseCircuitService>;
