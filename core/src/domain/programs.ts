/** The programs an organisation may enable; stable codes, labels in the catalogues (`program.<code>`). */
export const programCodes = [
  'prev_ps',
  'prev_hsh',
  'mediation',
  'mediation_pvvih',
  'harm_reduction',
  'gbv',
  'child_protection',
  'migrant_health',
] as const;
export type ProgramCode = (typeof programCodes)[number];

/** Levels of the org-unit hierarchy, outermost first; labels are `org_unit_level.<level>`. */
export const orgUnitLevels = ['country', 'region', 'province', 'section', 'clinic', 'site'] as const;
