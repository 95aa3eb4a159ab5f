/**
 * The service catalogue: what peer educators, mediators, psychologists and
 * clinicians record. Stable codes; labels are `service.<code>` and the value
 * labels `<field>.<value>` in the catalogues. Which fields a service takes is
 * data, so forms, validation, imports and reports read the same definition.
 */
export const serviceCodes = [
  'outreach_contact',
  'condoms',
  'lubricant',
  'syringe_kits',
  'syringes_returned',
  'ost_dose',
  'iec_session',
  'hiv_test',
  'syphilis_test',
  'hbv_test',
  'hcv_test',
  'pregnancy_test',
  'sti_consultation',
  'pep_referral',
  'emergency_contraception',
  'prep',
  'psychological_support',
  'psychiatric_referral',
  'medical_support',
  'legal_admin_support',
  'socioeconomic_support',
  'capacity_building',
  'vocational_training',
  'job_placement',
  'interpretation',
  // Low-threshold services and prevention talks of harm reduction (issue 17; core/src/domain/harm-reduction.ts).
  'shower',
  'laundry',
  'meal',
  'rest',
  'care',
  'overdose_talk',
  'naloxone',
  'overdose_witnessed',
  'overdose_reversed',
] as const;
export type ServiceCode = (typeof serviceCodes)[number];

export const testResults = ['negative', 'positive', 'indeterminate'] as const;
export const testStrategies = ['fixed', 'mobile'] as const;
export const contactModalities = ['in_person', 'online', 'phone'] as const;
export const supportKinds = ['orientation', 'accompaniment'] as const;
export const socioeconomicKinds = ['food_basket', 'clothing', 'baby_supplies', 'cash', 'transport', 'medication', 'other'] as const;

export type TestResult = (typeof testResults)[number];

/** The fields one service takes; absent = the service does not take it. */
export interface ServiceDefinition {
  /** A quantity handed out (`out`) or collected (`in`); required, ≥ 1. */
  quantity?: 'out' | 'in';
  result?: readonly string[];
  strategy?: readonly string[];
  modality?: readonly string[];
  kind?: readonly string[];
  /** STI consultation: treated yes/no. */
  treated?: true;
}

const test = { result: testResults } as const;

export const serviceDefinitions: Record<ServiceCode, ServiceDefinition> = {
  outreach_contact: { modality: contactModalities },
  condoms: { quantity: 'out' },
  lubricant: { quantity: 'out' },
  syringe_kits: { quantity: 'out' },
  syringes_returned: { quantity: 'in' },
  ost_dose: { quantity: 'out' },
  iec_session: {},
  hiv_test: { result: testResults, strategy: testStrategies },
  syphilis_test: test,
  hbv_test: test,
  hcv_test: test,
  pregnancy_test: test,
  sti_consultation: { treated: true },
  pep_referral: {},
  emergency_contraception: {},
  prep: {},
  psychological_support: {},
  psychiatric_referral: {},
  medical_support: { kind: supportKinds },
  legal_admin_support: { kind: supportKinds },
  socioeconomic_support: { kind: socioeconomicKinds },
  capacity_building: {},
  vocational_training: {},
  job_placement: {},
  interpretation: {},
  shower: {},
  laundry: {},
  meal: {},
  rest: {},
  care: {},
  overdose_talk: {},
  naloxone: { quantity: 'out' },
  overdose_witnessed: {},
  overdose_reversed: {},
};

/**
 * Per program: the services a program offers, those that count as "reached",
 * and the *paquet minimum* a contact should hold. Defaults, configurable per
 * organisation.
 */
export interface ProgramServiceSettings {
  services: readonly ServiceCode[];
  /** Built-in codes among `services`, or services the organisation defined for the program (ADR 0028). */
  reach: readonly string[];
  /** As `reach`: a defined service of the program may be part of it. */
  paquetMinimum: readonly string[];
}

const prevention: ServiceCode[] = [
  'outreach_contact', 'condoms', 'lubricant', 'iec_session', 'hiv_test', 'syphilis_test', 'hbv_test', 'hcv_test', 'sti_consultation', 'pep_referral', 'prep',
  'psychological_support', 'medical_support',
];
const mediation: ServiceCode[] = ['psychological_support', 'psychiatric_referral', 'medical_support', 'legal_admin_support', 'socioeconomic_support', 'interpretation'];

export const defaultProgramServices: Record<string, ProgramServiceSettings> = {
  prev_ps: { services: prevention, reach: ['outreach_contact', 'iec_session'], paquetMinimum: ['outreach_contact', 'condoms', 'iec_session'] },
  prev_hsh: { services: prevention, reach: ['outreach_contact', 'iec_session'], paquetMinimum: ['outreach_contact', 'condoms', 'lubricant', 'iec_session'] },
  mediation: { services: mediation, reach: mediation, paquetMinimum: [] },
  mediation_pvvih: { services: [...mediation, 'capacity_building'], reach: [...mediation, 'capacity_building'], paquetMinimum: [] },
  harm_reduction: {
    services: [
      'outreach_contact', 'syringe_kits', 'syringes_returned', 'ost_dose', 'condoms', 'iec_session', 'hiv_test', 'hcv_test', 'hbv_test', 'psychological_support', 'legal_admin_support', 'vocational_training', 'job_placement',
      'shower', 'laundry', 'meal', 'rest', 'care', 'overdose_talk', 'naloxone', 'overdose_witnessed', 'overdose_reversed',
    ],
    reach: ['outreach_contact', 'syringe_kits', 'ost_dose'],
    paquetMinimum: ['syringe_kits', 'condoms', 'iec_session'],
  },
  // The Chams one-stop care: tests, STI, medical, the 72 h / 120 h answers, psychological, social, legal, autonomy, awareness.
  gbv: {
    services: [
      'hiv_test', 'syphilis_test', 'hbv_test', 'hcv_test', 'pregnancy_test', 'sti_consultation', 'medical_support', 'pep_referral', 'emergency_contraception', 'prep',
      'psychological_support', 'psychiatric_referral', 'socioeconomic_support', 'legal_admin_support', 'vocational_training', 'job_placement', 'iec_session',
      'capacity_building', 'interpretation',
    ],
    reach: ['psychological_support', 'medical_support', 'legal_admin_support', 'socioeconomic_support', 'pep_referral', 'sti_consultation'],
    paquetMinimum: [],
  },
  child_protection: {
    services: ['iec_session', 'psychological_support', 'medical_support', 'legal_admin_support', 'socioeconomic_support', 'capacity_building'],
    reach: ['psychological_support', 'medical_support', 'legal_admin_support', 'socioeconomic_support'],
    paquetMinimum: [],
  },
  migrant_health: {
    services: ['outreach_contact', 'iec_session', 'hiv_test', 'medical_support', 'legal_admin_support', 'socioeconomic_support', 'psychological_support', 'interpretation'],
    reach: ['outreach_contact', 'medical_support', 'legal_admin_support', 'socioeconomic_support', 'interpretation'],
    paquetMinimum: [],
  },
};

/** Kinds of group sessions; labels `group_session_type.<code>`. */
export const groupSessionTypes = ['iec', 'thematic', 'social_development', 'self_support', 'convivial_evening', 'training', 'cascade_training', 'awareness_children', 'awareness_parents'] as const;
