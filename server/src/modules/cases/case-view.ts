import { atRiskOfLoss, caseClock, type Assessment, type Case, type CaseSummary, type UrgencyReason, type ViolenceType } from '@relais/core';
import type { CaseMoment, CaseRow } from './cases.repository.ts';
import type * as repo from './cases.repository.ts';

/** How a case reads: its summary (worklist) and the whole case (its page). */

function clockOf(row: CaseRow, now: string): CaseSummary['clock'] {
  if (!row.incident_on) return null;
  const clock = caseClock({ date: row.incident_on, time: row.incident_time }, row.opened_at, now);
  const alerts: Array<'pep' | 'ec'> = [];
  // Opened inside a window still open, and nothing recorded in the case answers it yet.
  if (clock.atReception.pep.open && clock.now.pep.open && !row.pep_answered) alerts.push('pep');
  if (clock.atReception.ec.open && clock.now.ec.open && !row.ec_answered) alerts.push('ec');
  return { ...clock, alerts };
}

export function summaryOf(row: CaseRow, m: CaseMoment): CaseSummary {
  const clock = clockOf(row, m.now);
  const atRisk = row.status === 'open' && atRiskOfLoss(row.last_contact_on, m.now.slice(0, 10), m.atRiskAfterDays[row.program] ?? 60);
  const urgency: UrgencyReason[] = [];
  if (row.status === 'open') {
    if (clock?.now.pep.open && !row.pep_answered) urgency.push('pep_window');
    if (clock?.now.ec.open && !row.ec_answered) urgency.push('ec_window');
    if (row.overdue_actions > 0) urgency.push('action_overdue');
    if (row.appointments_due > 0) urgency.push('appointment_due');
    if (atRisk) urgency.push('at_risk');
  }
  return {
    id: row.id,
    beneficiary: { id: row.beneficiary_id, code: row.beneficiary_code },
    program: row.program,
    orgUnit: { id: row.org_unit_id, code: row.org_unit_code, name: row.org_unit_name },
    status: row.status,
    openedAt: row.opened_at,
    entryDoor: row.entry_door,
    caseWorker: { id: row.case_worker_id, displayName: row.case_worker_name },
    closedOn: row.closed_on,
    closureReason: row.closure_reason,
    violenceType: row.violence_type,
    lastContactOn: row.last_contact_on,
    atRisk,
    clock,
    overdueActions: row.overdue_actions,
    appointmentsDue: row.appointments_due,
    urgency,
  };
}

export interface CaseParts {
  actions: Awaited<ReturnType<typeof repo.selectActions>>;
  appointments: Awaited<ReturnType<typeof repo.selectAppointments>>;
  services: Awaited<ReturnType<typeof repo.selectCaseServices>>;
  history: Awaited<ReturnType<typeof repo.selectHistory>>;
  notes: Array<{ id: string; author_id: string; display_name: string | null; created_at: Date; body: string | null }> | null;
  coWorkerNames: Map<string, string>;
  typology: readonly ViolenceType[];
  can: Case['can'];
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function caseOf(row: CaseRow, m: CaseMoment, p: CaseParts): Case {
  const today = m.now.slice(0, 10);
  return {
    ...summaryOf(row, m),
    coWorkers: row.co_worker_ids.map((id) => ({ id, displayName: p.coWorkerNames.get(id) ?? '?' })),
    incident: row.incident_on
      ? {
          date: row.incident_on,
          time: row.incident_time,
          place: row.incident_place,
          perpetrator: row.perpetrator,
          repeated: row.repeated_violence,
          violenceType: row.violence_type,
          violenceFamily: p.typology.find((t) => t.code === row.violence_type)?.family ?? null,
          reportingConsent: row.reporting_consent,
        }
      : null,
    assessment: row.needs ? { needs: row.needs as Assessment['needs'], riskLevel: row.risk_level as Assessment['riskLevel'], safetyPlan: row.safety_plan ?? false } : null,
    actions: p.actions.map((a) => ({
      id: a.id,
      what: a.what,
      assignee: a.assignee_id ? { id: a.assignee_id, displayName: a.assignee_name ?? '?' } : null,
      dueOn: a.due_on,
      status: a.status as Case['actions'][number]['status'],
      overdue: (a.status === 'planned' || a.status === 'in_progress') && a.due_on !== null && a.due_on < today,
      doneOn: a.done_on,
    })),
    appointments: p.appointments.map((a) => ({ id: a.id, at: a.at, purpose: a.purpose, status: a.status as Case['appointments'][number]['status'] })),
    services: p.services.map((s) => ({
      id: s.id,
      date: s.date,
      service: s.service,
      worker: s.worker_id ? { id: s.worker_id, displayName: s.worker_name ?? '?' } : null,
      orgUnit: { id: s.unit_id, code: s.unit_code, name: s.unit_name },
    })),
    notes: p.notes?.map((n) => ({ id: n.id, author: { id: n.author_id, displayName: n.display_name ?? '?' }, at: iso(n.created_at), body: n.body ?? '' })) ?? null,
    history: p.history.map((h) => ({
      at: iso(h.changed_at),
      by: h.changed_by ? { id: h.changed_by, displayName: h.display_name ?? '?' } : null,
      status: h.status as 'open' | 'closed',
      on: typeof h.on_date === 'string' ? h.on_date.slice(0, 10) : iso(h.on_date).slice(0, 10),
      reason: h.reason,
      note: h.note,
    })),
    can: p.can,
  };
}
