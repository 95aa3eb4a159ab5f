import { CreateOrgUnit, IdParams, OrgUnit, OrgUnitList, UpdateOrgUnit } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { OrgUnitsService } from './org-units.service.ts';

export function registerOrgUnitRoutes(router: Router, units: OrgUnitsService): void {
  router.session({
    method: 'GET',
    url: '/org-units',
    summary: 'Org units the user may see (her subtrees), outermost first',
    tag: 'org-units',
    permission: 'org_unit.read',
    response: OrgUnitList,
    handler: async ({ ctx }) => ({ items: await units.listOrgUnits(ctx) }),
  });
  router.create({
    method: 'POST',
    url: '/org-units',
    summary: 'Create an org unit under a parent the user manages (idempotent on a client-generated id)',
    tag: 'org-units',
    permission: 'org_unit.manage',
    body: CreateOrgUnit,
    response: OrgUnit,
    record: 'unit',
    handler: ({ ctx, body }) => units.createOrgUnit(ctx, body),
  });
  router.session({
    method: 'PATCH',
    url: '/org-units/:id',
    summary: 'Rename, recode, move or (de)activate an org unit',
    tag: 'org-units',
    permission: 'org_unit.manage',
    params: IdParams,
    body: UpdateOrgUnit,
    response: OrgUnit,
    handler: ({ ctx, params, body }) => units.updateOrgUnit(ctx, params.id, body),
  });
}
