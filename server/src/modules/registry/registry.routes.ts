import { z } from 'zod';
import {
  Beneficiary,
  BeneficiaryPage,
  BeneficiarySearch,
  ClaimBeneficiary,
  CodeCheckQuery,
  CodeCheckResult,
  describeCodeProblem,
  DuplicatePage,
  explainMatch,
  Id,
  IdParams,
  MergeList,
  MergeRequest,
  MergeResult,
  Ok,
  PageQuery,
  RegisterBeneficiary,
  RegistrySettings,
  SavedList,
  SavedListInput,
  SavedListList,
  UpdateBeneficiary,
  translate,
} from '@relais/core';
import { ok, type Router } from '../../http/router.ts';
import type { RegistryService } from './registry.service.ts';
import type { DuplicatesService } from './duplicates.service.ts';
import type { SavedListsService } from './saved-lists.service.ts';

export function registerRegistryRoutes(router: Router, registry: RegistryService, duplicates: DuplicatesService, lists: SavedListsService): void {
  router.session({
    method: 'GET',
    url: '/registry/settings',
    summary: 'The organisation’s code scheme and population vocabulary',
    tag: 'registry',
    response: RegistrySettings,
    handler: ({ ctx }) => registry.getSettings(ctx),
  });
  router.session({
    method: 'PUT',
    url: '/registry/settings',
    summary: 'Change the code scheme and population vocabulary (root administrators)',
    tag: 'registry',
    permission: 'settings.manage',
    body: RegistrySettings,
    response: RegistrySettings,
    handler: ({ ctx, body }) => registry.updateSettings(ctx, body),
  });
  router.session({
    method: 'GET',
    url: '/beneficiaries/check',
    summary: 'Code-first check: malformed parts, exact record (or alias), code known elsewhere, probable duplicates explained',
    tag: 'registry',
    permission: 'person.read',
    query: CodeCheckQuery,
    response: CodeCheckResult,
    handler: async ({ ctx, query, locale }) => {
      const r = await registry.checkCode(ctx, query.code);
      return {
        ...r,
        problems: r.problems.map((p) => ({ ...p, message: describeCodeProblem(locale, p) })),
        probable: r.probable.map((p) => ({ ...p, explanation: explainMatch(locale, p.reasons, p.code) })),
      };
    },
  });
  router.create({
    method: 'POST',
    url: '/beneficiaries',
    summary: 'Register a person by her code (idempotent on a client-generated id)',
    tag: 'registry',
    permission: 'person.write',
    body: RegisterBeneficiary,
    response: Beneficiary,
    record: 'beneficiary',
    handler: ({ ctx, body }) => registry.register(ctx, body),
  });
  router.session({
    method: 'POST',
    url: '/beneficiaries/claim',
    summary: 'Serve a person known in another section: bring her into one of the user’s units',
    tag: 'registry',
    permission: 'person.write',
    body: ClaimBeneficiary,
    response: Beneficiary,
    handler: ({ ctx, body }) => registry.claim(ctx, body.code, body.orgUnitId),
  });
  router.session({
    method: 'GET',
    url: '/beneficiaries',
    summary: 'Search and working lists within the user’s units',
    tag: 'registry',
    permission: 'person.read',
    query: BeneficiarySearch.extend({ notSeenForDays: z.coerce.number().int().min(1).max(3650).optional() }),
    response: BeneficiaryPage,
    handler: ({ ctx, query }) => registry.search(ctx, query),
  });
  router.session({
    method: 'GET',
    url: '/beneficiaries/:id',
    summary: 'One person’s record (every read is audited; 404 to whoever may not read persons)',
    tag: 'registry',
    permission: 'person.read',
    unseenWithoutPermission: true,
    params: IdParams,
    response: Beneficiary,
    handler: ({ ctx, params }) => registry.getBeneficiary(ctx, params.id),
  });
  router.session({
    method: 'PATCH',
    url: '/beneficiaries/:id',
    summary: 'Change a person’s record',
    tag: 'registry',
    permission: 'person.write',
    params: IdParams,
    body: UpdateBeneficiary,
    response: Beneficiary,
    handler: ({ ctx, params, body }) => registry.updateBeneficiary(ctx, params.id, body),
  });
  router.session({
    method: 'GET',
    url: '/duplicates',
    summary: 'Review queue of probable duplicate pairs (coordinators)',
    tag: 'registry',
    permission: 'person.merge',
    query: PageQuery,
    response: DuplicatePage,
    handler: async ({ ctx, query, locale }) => {
      const page = await duplicates.listPairs(ctx, query);
      return { ...page, items: page.items.map((p) => ({ ...p, explanation: explainMatch(locale, p.reasons, p.a.code) })) };
    },
  });
  router.session({
    method: 'POST',
    url: '/duplicates/distinct',
    summary: 'Record that two records are not the same person',
    tag: 'registry',
    permission: 'person.merge',
    body: z.object({ a: Id, b: Id }),
    response: Ok,
    handler: ({ ctx, body }) => ok(duplicates.markDistinct(ctx, body.a, body.b)),
  });
  router.session({
    method: 'POST',
    url: '/merges',
    summary: 'Merge one record into another (its code becomes an alias; undoable)',
    tag: 'registry',
    permission: 'person.merge',
    body: MergeRequest,
    response: MergeResult,
    handler: ({ ctx, body }) => duplicates.merge(ctx, body.keepId, body.mergeId),
  });
  router.session({
    method: 'GET',
    url: '/merges',
    summary: 'Merges, newest first',
    tag: 'registry',
    permission: 'person.merge',
    query: z.object({ beneficiaryId: Id.optional() }),
    response: MergeList,
    handler: async ({ ctx, query }) => ({ items: await duplicates.listMerges(ctx, query.beneficiaryId) }),
  });
  router.session({
    method: 'POST',
    url: '/merges/:id/undo',
    summary: 'Undo a merge',
    tag: 'registry',
    permission: 'person.merge',
    params: IdParams,
    response: Beneficiary,
    handler: ({ ctx, params }) => duplicates.undoMerge(ctx, params.id),
  });
  router.session({
    method: 'GET',
    url: '/saved-lists',
    summary: 'Working lists: built-in, own and shared',
    tag: 'registry',
    permission: 'person.read',
    response: SavedListList,
    handler: async ({ ctx, locale }) => ({ items: (await lists.list(ctx)).map(({ nameKey, ...list }) => (nameKey ? { ...list, name: translate(locale, nameKey) } : list)) }),
  });
  router.session({
    method: 'POST',
    url: '/saved-lists',
    summary: 'Save a working list',
    tag: 'registry',
    permission: 'person.read',
    body: SavedListInput,
    response: SavedList,
    handler: ({ ctx, body }) => lists.save(ctx, body),
  });
  router.session({
    method: 'DELETE',
    url: '/saved-lists/:id',
    summary: 'Delete one of one’s working lists',
    tag: 'registry',
    permission: 'person.read',
    params: IdParams,
    response: Ok,
    handler: ({ ctx, params }) => ok(lists.remove(ctx, params.id)),
  });
}
