import type { groupSessionTypes, ServiceCode, Sex } from '@relais/core';
import type { OutboxKind } from '../../offline/outbox.ts';
import type { Pictogram } from '../programs/service-pictogram.tsx';
import { builtInPictograms } from './quick-services.ts';

/**
 * What the low-literacy mode draws (ADR 0042), from the one set of pictograms
 * (`programs/service-pictogram.tsx`): each choice of the field screens, each service, each item of
 * the outbox. The label is always written under or beside it: a drawing helps, it never stands alone.
 */

export const sexPictograms: Record<Sex, Pictogram> = { F: 'female', M: 'male', X: 'neuter' };

const populationPictograms: Readonly<Record<string, Pictogram>> = {
  PS: 'female',
  HSH: 'males',
  PSM: 'male',
  TRANS: 'trans',
  PUDI: 'syringe',
  MIGRANT: 'globe',
  PVVIH: 'ribbon',
  CHILD: 'child',
};

/** A population's drawing; one an organisation added to its vocabulary is a person. */
export const populationPictogram = (code: string): Pictogram => populationPictograms[code] ?? 'person';

export const groupSessionPictograms: Record<(typeof groupSessionTypes)[number], Pictogram> = {
  iec: 'chat',
  thematic: 'chat',
  social_development: 'star',
  self_support: 'heart',
  convivial_evening: 'food',
  training: 'star',
  cascade_training: 'referral',
  awareness_children: 'child',
  awareness_parents: 'person',
};

/** The built-in services the quick screen does not offer (a test, a support, a dose…). */
const otherServicePictograms: Partial<Record<ServiceCode, Pictogram>> = {
  ost_dose: 'pill',
  hiv_test: 'tube',
  syphilis_test: 'tube',
  hbv_test: 'tube',
  hcv_test: 'tube',
  pregnancy_test: 'tube',
  sti_consultation: 'cross',
  medical_support: 'cross',
  legal_admin_support: 'scale',
  socioeconomic_support: 'box',
  capacity_building: 'star',
  vocational_training: 'star',
  job_placement: 'star',
  interpretation: 'chat',
  overdose_witnessed: 'heart',
  overdose_reversed: 'heart',
};

/** A service's drawing: a defined service's own (give it, ADR 0028), else the built-in one's. */
export function servicePictogram(code: string, definedPictogram?: Pictogram): Pictogram {
  return definedPictogram ?? builtInPictograms[code as ServiceCode] ?? otherServicePictograms[code as ServiceCode] ?? 'star';
}

export const outboxPictograms: Record<OutboxKind, Pictogram> = {
  register_beneficiary: 'person',
  update_beneficiary: 'person',
  record_contact: 'heart',
  record_group_session: 'chat',
  ost_dispense: 'pill',
  ost_undo: 'pill',
  voice_note: 'mic',
};
