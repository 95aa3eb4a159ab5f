import { isBuiltInService, serviceDefinitions, type DefinedService, type ServiceCode } from '@relais/core';
import type { Pictogram } from '../programs/service-pictogram.tsx';
import { newServiceDraft, type ServiceDraft } from './service-draft.ts';

/**
 * Quick contact (issue 16, ADR 0034): the services a peer educator gives in the street, each a
 * pictogram to tap. Only services that take nothing but a quantity are offered (a test needs its
 * result, a support its kind: the full form records them); an outreach contact there is in person.
 */

/** The built-in services' pictograms on the quick screen (the defined services carry their own). */
export const builtInPictograms: Partial<Record<ServiceCode, Pictogram>> = {
  outreach_contact: 'heart',
  condoms: 'condom',
  lubricant: 'drop',
  syringe_kits: 'syringe',
  syringes_returned: 'box',
  iec_session: 'chat',
  pep_referral: 'referral',
  psychiatric_referral: 'referral',
  emergency_contraception: 'pill',
  prep: 'pill',
  naloxone: 'pill',
  psychological_support: 'chat',
  shower: 'shower',
  laundry: 'shirt',
  meal: 'food',
  rest: 'bed',
  care: 'heart',
  overdose_talk: 'chat',
};

/** Quantities a usual street contact gives, before the worker changes them (condoms by ten). */
const usualQuantities: Partial<Record<ServiceCode, number>> = { condoms: 10, lubricant: 5 };

/** A service offered on the quick screen, with its pictogram and whether it takes a quantity. */
export interface QuickService {
  code: string;
  pictogram: Pictogram;
  /** The quantity field (the built-in one, or a defined service's first quantity field), or null. */
  quantity: { key: string | null; usual: number } | null;
}

/** The program's services the quick screen offers, in the program's order (built-in, then defined). */
export function quickServices(offered: readonly string[], defined: ReadonlyMap<string, DefinedService>): QuickService[] {
  return offered.flatMap((code): QuickService[] => {
    const own = defined.get(code);
    if (own) {
      if (own.fields.some((f) => f.required && f.type !== 'quantity')) return [];
      const counted = own.fields.find((f) => f.type === 'quantity');
      return [{ code, pictogram: own.pictogram, quantity: counted ? { key: counted.key, usual: 1 } : null }];
    }
    if (!isBuiltInService(code)) return [];
    const service = code as ServiceCode;
    const def = serviceDefinitions[service];
    const pictogram = builtInPictograms[service];
    const onlyQuantity = !def.result && !def.strategy && !def.kind && !def.treated && (!def.modality || service === 'outreach_contact');
    if (!pictogram || !onlyQuantity) return [];
    return [{ code, pictogram, quantity: def.quantity ? { key: null, usual: usualQuantities[service] ?? 1 } : null }];
  });
}

/** The draft of one tapped service, as the full form would have it (the same `entryOf` sends it). */
export function quickDraft(service: QuickService, quantity: number): ServiceDraft {
  const draft = newServiceDraft();
  draft.service = service.code;
  if (service.code === 'outreach_contact') draft.modality = 'in_person';
  if (service.quantity?.key) draft.fields = { [service.quantity.key]: String(quantity) };
  else if (service.quantity) draft.quantity = String(quantity);
  return draft;
}
