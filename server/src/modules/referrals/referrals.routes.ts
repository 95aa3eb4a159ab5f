import { z } from 'zod';
import { Consent, ConsentInput, DeclineInput, DeliverInput, FeedbackInput, IdParams, LinkInput, NotDeliveredInput, Referral, ReferralInput, ReferralPage, ReferralQuery, ReferralSettings } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { ConsentsService } from './consents.service.ts';
import type { ReferralsService } from './referrals.service.ts';

const tag = 'referrals';

export function registerReferralRoutes(router: Router, consents: ConsentsService, referrals: ReferralsService): void {
  router.create({ method: 'POST', url: '/beneficiaries/:id/consents', summary: 'Record the person’s consent: to which receivers, for which purposes and fields, until when', tag, permission: 'person.write', params: IdParams, body: ConsentInput, response: Consent, record: 'consent', handler: ({ ctx, params, body }) => consents.create(ctx, params.id, body) });
  router.session({ method: 'GET', url: '/beneficiaries/:id/consents', summary: 'The person’s consents, newest first, each saying whether it holds today', tag, permission: 'person.read', params: IdParams, response: z.object({ items: z.array(Consent) }), handler: ({ ctx, params }) => consents.list(ctx, params.id) });
  router.session({ method: 'POST', url: '/consents/:id/withdraw', summary: 'Withdraw a consent: receivers lose the shared fields at once', tag, permission: 'person.write', params: IdParams, response: Consent, handler: ({ ctx, params }) => consents.withdraw(ctx, params.id) });

  router.create({ method: 'POST', url: '/referrals', summary: 'Refer a person to an organisation on the instance or a directory service (422 consent_required without a consent covering it)', tag, permission: 'referral.send', body: ReferralInput, response: Referral, record: 'referral', handler: ({ ctx, body }) => referrals.send(ctx, body) });
  router.session({ method: 'GET', url: '/referrals', summary: 'Referrals sent (outgoing) or received (incoming: only the consented fields of the person)', tag, query: ReferralQuery, response: ReferralPage, handler: ({ ctx, query }) => referrals.list(ctx, query) });
  router.session({ method: 'GET', url: '/referrals/:id', summary: 'A referral, as the sender or the receiver may see it (audited)', tag, params: IdParams, response: Referral, handler: ({ ctx, params }) => referrals.get(ctx, params.id) });
  const step = (url: string, summary: string, run: (ctx: Parameters<ReferralsService['transition']>[0], id: string, body: never) => Promise<Referral>, body?: z.ZodType) =>
    router.session({ method: 'POST', url, summary, tag, params: IdParams, ...(body ? { body } : {}), response: Referral, handler: ({ ctx, params, body: b }) => run(ctx, params.id, b as never) });
  step('/referrals/:id/accept', 'The receiver accepts', (ctx, id) => referrals.transition(ctx, id, 'accept'));
  step('/referrals/:id/decline', 'The receiver declines, with the reason', (ctx, id, b: z.infer<typeof DeclineInput>) => referrals.transition(ctx, id, 'decline', { reason: b.reason }), DeclineInput);
  step('/referrals/:id/deliver', 'The service was given (date, note)', (ctx, id, b: z.infer<typeof DeliverInput>) => referrals.transition(ctx, id, 'deliver', { deliveredOn: b.deliveredOn, note: b.note }), DeliverInput);
  step('/referrals/:id/not-delivered', 'The service was not given (the person did not come, not eligible, no capacity, other)', (ctx, id, b: z.infer<typeof NotDeliveredInput>) => referrals.transition(ctx, id, 'not_delivered', { reason: b.reason, note: b.note }), NotDeliveredInput);
  step('/referrals/:id/withdraw', 'The sender withdraws a referral not yet delivered', (ctx, id) => referrals.transition(ctx, id, 'withdraw'));
  router.session({ method: 'POST', url: '/referrals/:id/feedback', summary: 'The person’s feedback on the service she was referred to (the sender records it; never shown to the receiver)', tag, permission: 'referral.send', params: IdParams, body: FeedbackInput, response: Referral, errors: ['transition_not_allowed'], handler: ({ ctx, params, body }) => referrals.feedback(ctx, params.id, body) });
  router.session({ method: 'POST', url: '/referrals/:id/link', summary: 'The receiver links the person it registered in its own registry (needs a consent for care_coordination)', tag, permission: 'person.write', params: IdParams, body: LinkInput, response: Referral, errors: ['consent_required'], handler: ({ ctx, params, body }) => referrals.link(ctx, params.id, body.beneficiaryId) });
  router.session({ method: 'GET', url: '/referrals/settings', summary: 'Referral settings: days before an unanswered referral is flagged', tag, response: ReferralSettings, handler: ({ ctx }) => referrals.settings(ctx) });
  router.session({ method: 'PUT', url: '/referrals/settings', summary: 'Change the referral settings (root administrators)', tag, permission: 'settings.manage', body: ReferralSettings, response: ReferralSettings, handler: ({ ctx, body }) => referrals.updateSettings(ctx, body) });
  step('/referrals/:id/close', 'The sender closes a referral once its outcome is known', (ctx, id) => referrals.transition(ctx, id, 'close'));
}
