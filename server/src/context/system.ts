import type { Actor, RequestContext } from './actor.ts';

/** The user id of the operator's command line: no account; audited as no one (`actor_id` null). */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/** Is this the command line's actor rather than a person's? */
export const isSystemActor = (actor: Pick<Actor, 'userId'>): boolean => actor.userId === SYSTEM_USER_ID;

/**
 * The context of a command the operator runs on an organisation: an administrator of its root unit
 * for every program (the command line may do what the organisation's administrator may), audited as
 * no one. Services are called with it exactly as with a person's request.
 */
export function systemContext(organisation: { id: string; code: string; name: string }, root: { id: string; code: string; name: string; path: string }): RequestContext {
  const actor: Actor = {
    userId: SYSTEM_USER_ID,
    username: 'relais',
    displayName: 'relais',
    locale: 'fr',
    organisationId: organisation.id,
    organisationCode: organisation.code,
    organisationName: organisation.name,
    assignments: [{ id: SYSTEM_USER_ID, role: 'administrator', orgUnitId: root.id, orgUnitPath: root.path, orgUnitCode: root.code, orgUnitName: root.name, programs: null }],
    session: { tokenHash: '', csrfToken: '', expiresAt: new Date(8.64e15) },
  };
  return { actor, requestId: 'cli', ip: '' };
}
