import { DefinedService, DefinedServiceList, ProgramDefinedServiceParams, ProgramServiceParams, ServiceDefinitionInput, ServiceDefinitionUpdate } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { ServiceDefinitionsService } from './service-definitions.service.ts';

export function registerServiceDefinitionRoutes(router: Router, definitions: ServiceDefinitionsService): void {
  router.session({
    method: 'GET',
    url: '/programs/:code/services',
    summary: 'The services the organisation defined for a program (retired ones included)',
    tag: 'programs',
    params: ProgramServiceParams,
    response: DefinedServiceList,
    handler: async ({ ctx, params }) => ({ items: await definitions.list(ctx, params.code) }),
  });
  router.session({
    method: 'POST',
    url: '/programs/:code/services',
    summary: 'Define a service for a program: code, labels, pictogram, fields',
    tag: 'programs',
    permission: 'program.manage',
    params: ProgramServiceParams,
    body: ServiceDefinitionInput,
    response: DefinedService,
    status: 201,
    handler: ({ ctx, params, body }) => definitions.create(ctx, params.code, body),
  });
  router.session({
    method: 'PUT',
    url: '/programs/:code/services/:service',
    summary: 'Change or retire a defined service (a new version; past records keep theirs)',
    tag: 'programs',
    permission: 'program.manage',
    params: ProgramDefinedServiceParams,
    body: ServiceDefinitionUpdate,
    response: DefinedService,
    handler: ({ ctx, params, body }) => definitions.update(ctx, params.code, params.service, body),
  });
}
