import { useMemo } from 'react';
import type { OrgUnit, ProgramCode } from '@relais/core';
import { listIndicators } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { rememberIndicatorNames, type UnitNames } from './report-labels.ts';

/** What every report screen needs: the indicator definitions, unit names by code, the programs to choose from. */
export function useReportSetup(chosenProgram: ProgramCode | null) {
  const ctx = useWorkContext();
  const indicators = useApi(async () => {
    const list = await listIndicators();
    rememberIndicatorNames(list.items);
    return list;
  }, []);
  const unitNames: UnitNames = useMemo(() => new Map(ctx.units.map((n) => [n.unit.code, n.unit.name])), [ctx.units]);
  const unitsByCode: ReadonlyMap<string, OrgUnit> = useMemo(() => new Map(ctx.units.map((n) => [n.unit.code, n.unit])), [ctx.units]);
  const programs = ctx.myPrograms;
  // The header's program until another is chosen, else the first of mine.
  const program = chosenProgram && programs.includes(chosenProgram) ? chosenProgram : ctx.program && programs.includes(ctx.program) ? ctx.program : (programs[0] ?? null);
  return { ctx, indicators, unitNames, unitsByCode, programs, program };
}
