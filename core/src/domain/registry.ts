/** Vocabularies of the beneficiary record: stable codes; labels are `<vocabulary>.<code>` in the catalogues. */
export const defaultPopulations = ['PS', 'HSH', 'PSM', 'TRANS', 'PUDI', 'MIGRANT', 'PVVIH', 'CHILD', 'OTHER'] as const;
export const sexes = ['F', 'M', 'X'] as const;
export const genderIdentities = ['woman', 'man', 'trans_woman', 'trans_man', 'non_binary', 'other'] as const;
export const entryDoors = ['outreach', 'remote', 'partner', 'word_of_mouth', 'walk_in'] as const;
export const maritalStatuses = ['single', 'married', 'divorced', 'widowed', 'single_mother'] as const;
export const schoolings = ['none', 'primary', 'secondary', 'baccalaureate', 'diploma', 'higher'] as const;
export const housings = ['owner', 'tenant', 'with_family', 'homeless'] as const;
export const occupations = ['employed', 'unemployed'] as const;
export const healthCoverages = ['none', 'amo', 'amo_tadamon', 'private', 'other'] as const;

export type Sex = (typeof sexes)[number];
export type EntryDoor = (typeof entryDoors)[number];
