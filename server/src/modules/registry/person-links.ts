/**
 * Tables whose rows belong to one beneficiary (`organisation_id`, `id`,
 * person column). A merge moves their rows from the merged record to the kept
 * one and remembers which, so an undo moves exactly those back. Services,
 * cases, consents and referrals add themselves here when they arrive.
 */
export interface PersonLink {
  table: string;
  personColumn: string;
}

export const personLinks: PersonLink[] = [
  { table: 'service_event', personColumn: 'beneficiary_id' },
  { table: 'case_file', personColumn: 'beneficiary_id' },
  { table: 'change_story', personColumn: 'beneficiary_id' },
  { table: 'ost_episode', personColumn: 'beneficiary_id' },
  { table: 'insertion_step', personColumn: 'beneficiary_id' },
];
