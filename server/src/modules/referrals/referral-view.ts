import { consentFields, type ConsentField, type Referral } from '@relais/core';
import type { Secrets } from '../../lib/secrets.ts';
import type { ReferralRow } from './referrals.repository.ts';

/** What a receiver sees of a referral sent without consent (an override): the need, nothing of the person. */
const OVERRIDE_FIELDS: readonly ConsentField[] = ['need'];

/**
 * A referral as its reader may see it. The sender sees her own record's referral whole. The
 * receiver sees the referral's own facts (reference, urgency, accompaniment, dates, answers) and
 * of the person only the fields the consent shares today: a key not consented is absent, and a
 * consent withdrawn or expired shares nothing at once.
 */
export function presentReferral(r: ReferralRow, side: 'sender' | 'receiver', secrets: Secrets): Referral {
  const receiverSees = (r.shared_fields ?? (r.consent_id ? [] : OVERRIDE_FIELDS)) as ConsentField[];
  const shared = new Set<string>(side === 'sender' ? consentFields : receiverSees);
  const person: Referral['person'] = {};
  if (shared.has('code')) person.code = r.code;
  if (shared.has('sex')) person.sex = r.sex;
  if (shared.has('birth_year')) person.birthYear = r.birth_year;
  if (shared.has('phone')) person.phone = r.phone_encrypted ? secrets.tryDecrypt(r.phone_encrypted) : null;
  const view: Referral = {
    id: r.id,
    reference: r.reference,
    status: r.status as Referral['status'],
    side,
    from: { code: r.from_code, name: r.from_name },
    toOrganisation: r.to_code ? { code: r.to_code, name: r.to_name ?? '' } : null,
    toService: r.to_service_id ? { id: r.to_service_id, name: r.service_name ?? '' } : null,
    urgency: r.urgency as Referral['urgency'],
    serviceType: r.service_type,
    program: r.program,
    accompanied: r.accompanied,
    interpretation: r.interpretation,
    sentOn: r.sent_on,
    person,
    overridden: r.override_reason !== null,
    declineReason: r.decline_reason,
    deliveredOn: r.delivered_on,
    deliveryNote: r.delivery_note,
    notDeliveredReason: r.not_delivered_reason,
    daysToService: r.days_to_service,
    unanswered: r.unanswered,
    history: r.steps.map((s) => ({ ...s, status: s.status as Referral['status'] })),
  };
  if (side === 'sender') {
    view.beneficiaryId = r.beneficiary_id;
    view.caseId = r.case_id;
    view.sharedFields = consentFields.filter((f) => receiverSees.includes(f));
    view.feedback = r.feedback ? { ...r.feedback, reasons: r.feedback.reasons as NonNullable<Referral['feedback']>['reasons'] } : null;
  } else view.linkedBeneficiaryId = r.linked_beneficiary_id;
  if (shared.has('need')) {
    view.need = r.need;
    view.statedNeeds = r.stated_needs;
  }
  if (shared.has('notes')) view.note = r.note;
  if (shared.has('case_summary')) view.caseSummary = r.case_program ? { program: r.case_program, openedOn: r.case_opened_on ?? '', violenceType: r.case_violence_type } : null;
  return view;
}
