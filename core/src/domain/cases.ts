/**
 * Case management (Chams one-stop care, social mediation, listening cells, child protection):
 * a case follows one person in one program from reception to closure. Stable codes; labels
 * `<list>.<code>` in the catalogues. The violence typology is data (an organisation setting whose
 * defaults are below); everything else here is a fixed vocabulary.
 */

/** A case's entry door is the registry's vocabulary (`entryDoors`: the four doors of the Chams circuit and walking in). */

export const caseStatuses = ['open', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const closureReasons = ['goals_met', 'lost_to_follow_up', 'referred_elsewhere', 'refused', 'moved', 'died', 'other'] as const;
export type ClosureReason = (typeof closureReasons)[number];

/** Where the violence happened (GBVIMS intake, simplified). */
export const incidentPlaces = ['home', 'street', 'workplace', 'client_place', 'public_place', 'police_custody', 'online', 'other'] as const;
/** Who did it, as the survivor relates to them. */
export const perpetratorRelations = ['client', 'partner_or_husband', 'family_member', 'police_or_authority', 'employer', 'stranger', 'other'] as const;

/** The families the Chams semester report groups violence by. */
export const violenceFamilies = ['physical_sexual', 'psychological', 'economic', 'trafficking', 'other'] as const;
export type ViolenceFamily = (typeof violenceFamilies)[number];

/** One type of the typology: a stable code and its family. */
export interface ViolenceType {
  code: string;
  family: ViolenceFamily;
}

/**
 * The default typology: the six GBVIMS core types, trafficking and other. Forced marriage is
 * counted with psychological violence (coercion without a physical act in the Chams table);
 * an organisation may regroup it by changing the setting.
 */
export const defaultViolenceTypes: readonly ViolenceType[] = [
  { code: 'rape', family: 'physical_sexual' },
  { code: 'sexual_assault', family: 'physical_sexual' },
  { code: 'physical_assault', family: 'physical_sexual' },
  { code: 'forced_marriage', family: 'psychological' },
  { code: 'denial_of_resources', family: 'economic' },
  { code: 'psychological_abuse', family: 'psychological' },
  { code: 'trafficking', family: 'trafficking' },
  { code: 'other', family: 'other' },
];

/** Needs assessed at reception. */
export const caseNeeds = ['medical', 'psychological', 'social', 'legal', 'shelter', 'economic', 'vocational', 'safety'] as const;
export const riskLevels = ['low', 'medium', 'high'] as const;
export const actionStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const appointmentStatuses = ['planned', 'kept', 'missed', 'cancelled'] as const;

/** Settings of case management per program (organisation setting, with these defaults). */
export interface CaseProgramSettings {
  /** A case without a contact for this many days is at risk of being lost to follow-up. */
  atRiskAfterDays: number;
}
export const defaultCaseProgramSettings: CaseProgramSettings = { atRiskAfterDays: 60 };

/**
 * Local date-times: a case's reception and an incident are wall-clock times of the organisation
 * (`YYYY-MM-DDTHH:MM`, as written on the intake form), not instants. "Now" is the organisation's
 * wall clock too (`wallClockNow`). An incident whose time is not known is a date alone.
 */
export interface IncidentTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM`, null when not known. */
  time: string | null;
}

/** Post-exposure prophylaxis must start within 72 hours; emergency contraception within 120. */
export const CARE_WINDOWS = { pep: 72, ec: 120 } as const;
export type CareWindow = keyof typeof CARE_WINDOWS;

const MINUTE = 60_000;

/** Minutes since the epoch of a wall-clock `YYYY-MM-DDTHH:MM` (read as if UTC: only differences matter). */
function wallMinutes(dateTime: string): number {
  return Date.parse(`${dateTime.slice(0, 16)}:00Z`) / MINUTE;
}

/** Whole calendar days from one date to another (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / (24 * 60 * MINUTE));
}

/** Where one care window stands at a moment. */
export interface WindowState {
  window: CareWindow;
  hours: number;
  /** Inside the window at that moment. */
  open: boolean;
  /**
   * Minutes elapsed since the incident (time known), else null; with `daysElapsed` for a date
   * alone (counted in whole days: within 72 h = at most 3 days after, 120 h = at most 5).
   */
  minutesElapsed: number | null;
  daysElapsed: number;
  /** Minutes left before the window closes (time known and open), else null. */
  minutesLeft: number | null;
}

/**
 * The state of a care window at `at` (a wall-clock `YYYY-MM-DDTHH:MM`) for an incident.
 * Time known: open while at most `hours` hours have passed (71 h 59 in, 72 h 01 out; 72 h 00 in).
 * Date alone: open while at most `hours / 24` whole days have passed.
 */
export function windowAt(incident: IncidentTime, at: string, window: CareWindow): WindowState {
  const hours = CARE_WINDOWS[window];
  const daysElapsed = daysBetween(incident.date, at);
  const open = isWithinHours(incident, at, hours);
  if (incident.time === null) return { window, hours, open, minutesElapsed: null, daysElapsed, minutesLeft: null };
  const elapsed = wallMinutes(at) - wallMinutes(`${incident.date}T${incident.time}`);
  return { window, hours, open, minutesElapsed: elapsed, daysElapsed, minutesLeft: open ? hours * 60 - elapsed : null };
}

/**
 * Whether `at` (a wall-clock `YYYY-MM-DDTHH:MM`) is within `hours` of an incident: the care
 * windows' rule for any number of hours (a circuit's "less than 72 h" step says the same as the
 * case clock). Time known: at most `hours` hours since; date alone (it may have happened at any
 * time of that day): at most `hours / 24` whole days since. Never before the incident.
 */
export function isWithinHours(incident: IncidentTime, at: string, hours: number): boolean {
  if (incident.time === null) {
    const days = daysBetween(incident.date, at);
    return days >= 0 && days <= hours / 24;
  }
  const elapsed = wallMinutes(at) - wallMinutes(`${incident.date}T${incident.time}`);
  return elapsed >= 0 && elapsed <= hours * 60;
}

/** The case's clock: each window at reception and now. */
export interface CaseClock {
  atReception: Record<CareWindow, WindowState>;
  now: Record<CareWindow, WindowState>;
}

export function caseClock(incident: IncidentTime, openedAt: string, now: string): CaseClock {
  const at = (moment: string) => ({ pep: windowAt(incident, moment, 'pep'), ec: windowAt(incident, moment, 'ec') });
  return { atReception: at(openedAt), now: at(now) };
}

/** Was the case opened inside the post-exposure window (the `pep_within_72h` rule)? */
export function openedWithinPep(incident: IncidentTime, openedAt: string): boolean {
  return windowAt(incident, openedAt, 'pep').open;
}

/** The services that answer each window (recorded in the case, they silence its alert). */
export const windowServices: Record<CareWindow, readonly string[]> = { pep: ['pep_referral'], ec: ['emergency_contraception'] };

/**
 * The wall-clock time now in a time zone, `YYYY-MM-DDTHH:MM` (the organisation's zone; the
 * server's clock is UTC).
 */
export function wallClockNow(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Is an open case at risk of loss: no contact (or reception) for more than `days` days? */
export function atRiskOfLoss(lastContactOn: string, today: string, days: number): boolean {
  return daysBetween(lastContactOn, today) > days;
}

/** Why a case comes first in a worklist, most urgent first. */
export const urgencyReasons = ['pep_window', 'ec_window', 'action_overdue', 'appointment_due', 'at_risk'] as const;
export type UrgencyReason = (typeof urgencyReasons)[number];

/** Most significant change: the domains stories are classed in (configurable; these by default). */
export const defaultChangeDomains = ['quality_of_life', 'self_esteem', 'autonomy', 'safety', 'access_to_rights', 'health', 'negative_change'] as const;
/** What the storyteller consented to: each use separately. */
export const storyConsentScopes = ['internal_learning', 'donor_report', 'publication'] as const;
