import type { CircuitCondition, CircuitRevisionInput, CircuitStepInput } from '@relais/core';

/** The kinds of conditions a form offers as a tick (the two others: hours and words). */
export const tickedKinds = ['rural', 'urban', 'child', 'adult'] as const;
export type TickedKind = (typeof tickedKinds)[number];

/** A step as the form holds it: texts as typed, things to bring one a line. */
export interface StepDraft {
  titleFr: string;
  titleAr: string;
  /** `service` (a directory service) or `type` (any service of a type in the territory). */
  target: 'service' | 'type';
  serviceId: string;
  serviceType: string;
  withinHours: string;
  ticked: TickedKind[];
  conditionFr: string;
  conditionAr: string;
  bringFr: string;
  bringAr: string;
  accompaniedFr: string;
  accompaniedAr: string;
}

export function emptyStep(): StepDraft {
  return { titleFr: '', titleAr: '', target: 'service', serviceId: '', serviceType: '', withinHours: '', ticked: [], conditionFr: '', conditionAr: '', bringFr: '', bringAr: '', accompaniedFr: '', accompaniedAr: '' };
}

const bilingual = (fr: string, ar: string) => (fr.trim() ? { fr: fr.trim(), ar: ar.trim() || null } : null);
const lines = (s: string) => s.split('\n').map((l) => l.trim());

/** A step of the form as the API takes it (empty texts left out; the Arabic line n goes with the French line n). */
export function stepInput(d: StepDraft): CircuitStepInput {
  const conditions: CircuitCondition[] = [];
  const hours = Number(d.withinHours);
  if (d.withinHours.trim() && Number.isInteger(hours)) conditions.push({ kind: 'within_hours', hours });
  for (const kind of tickedKinds) if (d.ticked.includes(kind)) conditions.push({ kind });
  const said = bilingual(d.conditionFr, d.conditionAr);
  if (said) conditions.push({ kind: 'text', text: said });
  const ar = lines(d.bringAr);
  const bring = lines(d.bringFr).flatMap((fr, i) => (fr ? [{ fr, ar: ar[i] || null }] : []));
  return {
    title: { fr: d.titleFr.trim(), ar: d.titleAr.trim() || null },
    serviceId: d.target === 'service' ? d.serviceId || null : null,
    serviceType: d.target === 'type' ? d.serviceType || null : null,
    conditions,
    bring,
    accompaniedBy: bilingual(d.accompaniedFr, d.accompaniedAr),
    note: null,
  };
}

/** A step of a revision back into the form (to draw the next revision from the current one). */
export function stepDraft(s: CircuitStepInput): StepDraft {
  const said = s.conditions.find((c) => c.kind === 'text');
  const hours = s.conditions.find((c) => c.kind === 'within_hours');
  return {
    titleFr: s.title.fr,
    titleAr: s.title.ar ?? '',
    target: s.serviceType ? 'type' : 'service',
    serviceId: s.serviceId ?? '',
    serviceType: s.serviceType ?? '',
    withinHours: hours ? String(hours.hours) : '',
    ticked: tickedKinds.filter((k) => s.conditions.some((c) => c.kind === k)),
    conditionFr: said?.text.fr ?? '',
    conditionAr: said?.text.ar ?? '',
    bringFr: s.bring.map((b) => b.fr).join('\n'),
    bringAr: s.bring.map((b) => b.ar ?? '').join('\n'),
    accompaniedFr: s.accompaniedBy?.fr ?? '',
    accompaniedAr: s.accompaniedBy?.ar ?? '',
  };
}

export function revisionInput(r: { validatedOn: string; validatedBy: string }, steps: readonly StepDraft[]): CircuitRevisionInput {
  return { validatedOn: r.validatedOn, validatedBy: r.validatedBy.trim(), note: null, steps: steps.map(stepInput) };
}
