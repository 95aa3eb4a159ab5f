import { Program, ProgramList, ProgramParams, UpdateProgram } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { ProgramsService } from './programs.service.ts';

export function registerProgramRoutes(router: Router, programs: ProgramsService): void {
  router.session({
    method: 'GET',
    url: '/programs',
    summary: 'Programs and whether the organisation runs them',
    tag: 'programs',
    response: ProgramList,
    handler: async ({ ctx }) => ({ items: await programs.listPrograms(ctx) }),
  });
  router.session({
    method: 'PATCH',
    url: '/programs/:code',
    summary: 'Enable or disable a program for the organisation',
    tag: 'programs',
    permission: 'program.manage',
    params: ProgramParams,
    body: UpdateProgram,
    response: Program,
    handler: ({ ctx, params, body }) => programs.setProgramEnabled(ctx, params.code, body.enabled),
  });
}
