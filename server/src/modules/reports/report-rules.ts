import { appliesToProgram, isLiveOnlyFilter, type IndicatorDefinition, type ProgramServiceSettings, type ServiceFilter } from '@relais/core';

/**
 * Which services feed one slot of the person facts for one program: a row of
 * `report_rule` (null = any value). A slot is a distinct-persons indicator; the
 * database keeps, per person × unit × program × year and slot, the months in which
 * she had a qualifying service (ADR 0010).
 */
export interface ReportRule {
  slot: number;
  indicator: string;
  program: string;
  services: string[] | null;
  results: string[] | null;
  kinds: string[] | null;
  strategies: string[] | null;
  modalities: string[] | null;
  atPremises: boolean;
  fullPaquet: boolean;
}

/** A rule as a comparable string (the same rule always gives the same text). */
export function ruleKey(r: ReportRule): string {
  return JSON.stringify([r.slot, r.indicator, r.program, r.services, r.results, r.kinds, r.strategies, r.modalities, r.atPremises, r.fullPaquet]);
}

/** The helper slot of the program's reach, when no indicator is exactly "reached" (for `amongReached`). */
export const REACH_SLOT = '~reach';

const list = (values: readonly string[] | undefined) => (values ? [...values].sort() : null);

function isPlainReach(f: ServiceFilter): boolean {
  return f.services === 'reach' && !f.result && !f.kind && !f.strategy && !f.modality && !f.atPremises && !f.amongReached;
}

/**
 * The slots of the person facts: one per distinct-persons indicator, and the reach. An indicator
 * that reads the service's case (`inCase`, `pepWithin72h`) has none: the facts do not know cases
 * (small volumes, read live).
 */
export function reportSlots(indicators: readonly IndicatorDefinition[]): Map<string, number> {
  const slots = new Map<string, number>();
  // Indicators scoped to programs come after the others: adding one never moves another's slot.
  for (const i of [...indicators.filter((d) => !d.programs), ...indicators.filter((d) => d.programs)]) {
    if (i.measure.kind === 'distinct_persons_full_paquet' || (i.measure.kind === 'distinct_persons' && !isLiveOnlyFilter(i.measure.filter))) slots.set(i.code, slots.size);
  }
  const reach = indicators.find((i) => i.measure.kind === 'distinct_persons' && isPlainReach(i.measure.filter));
  slots.set(REACH_SLOT, reach ? slots.get(reach.code)! : slots.size);
  return slots;
}

/** The rules of every slot × program, from the indicator definitions and the programs' catalogue. */
export function reportRules(indicators: readonly IndicatorDefinition[], programs: Record<string, ProgramServiceSettings>): ReportRule[] {
  const slots = reportSlots(indicators);
  const rules: ReportRule[] = [];
  const plain = { results: null, kinds: null, strategies: null, modalities: null, atPremises: false, fullPaquet: false };
  for (const [program, settings] of Object.entries(programs).sort(([a], [b]) => a.localeCompare(b))) {
    for (const i of indicators) {
      const slot = slots.get(i.code);
      if (slot === undefined || !appliesToProgram(i, program)) continue;
      if (i.measure.kind === 'distinct_persons_full_paquet') {
        rules.push({ slot, indicator: i.code, program, ...plain, services: list(settings.paquetMinimum), fullPaquet: true });
      } else if (i.measure.kind === 'distinct_persons') {
        const f = i.measure.filter;
        rules.push({
          slot,
          indicator: i.code,
          program,
          services: f.services === 'reach' ? list(settings.reach) : list(f.services),
          results: list(f.result),
          kinds: list(f.kind),
          strategies: list(f.strategy),
          modalities: list(f.modality),
          atPremises: f.atPremises ?? false,
          fullPaquet: false,
        });
      }
    }
    if (!indicators.some((i) => i.code === REACH_SLOT) && !rules.some((r) => r.program === program && r.slot === slots.get(REACH_SLOT))) {
      rules.push({ slot: slots.get(REACH_SLOT)!, indicator: REACH_SLOT, program, ...plain, services: list(settings.reach) });
    }
  }
  return rules;
}
