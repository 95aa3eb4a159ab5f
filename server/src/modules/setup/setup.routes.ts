import { Me, SetupChecklist, SetupRequest, SetupStatus } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { Config } from '../../config.ts';
import type { SetupService } from './setup.service.ts';
import { meOf, type AuthService, setSessionCookie } from '../auth/index.ts';

export function registerSetupRoutes(router: Router, setup: SetupService, auth: AuthService, config: Config): void {
  router.public({
    method: 'GET',
    url: '/setup',
    summary: 'Does this installation still need its first-run setup?',
    tag: 'setup',
    response: SetupStatus,
    handler: async () => ({ needsSetup: await setup.needsSetup() }),
  });
  router.session({
    method: 'GET',
    url: '/setup/checklist',
    summary: 'The administrator’s first steps (units, programs, users, an import), each true once done',
    tag: 'setup',
    permission: 'settings.manage',
    response: SetupChecklist,
    handler: ({ ctx }) => setup.checklist(ctx),
  });
  router.public({
    method: 'POST',
    url: '/setup',
    summary: 'First run: create the organisation and its first administrator, and log her in',
    tag: 'setup',
    body: SetupRequest,
    response: Me,
    status: 201,
    errors: ['setup_already_done', 'organisation_code_taken'],
    handler: async ({ body, reply }) => {
      const session = await setup.setupFirstOrganisation(body, (trx, created) => auth.openSession(trx, created.organisationId, created.adminId));
      setSessionCookie(reply, config, session);
      return meOf(await auth.resolveSession(session.token));
    },
  });
}
