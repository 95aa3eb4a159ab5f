import { AuditPage, AuditQuery } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { AuditService } from './audit.service.ts';

export function registerAuditRoutes(router: Router, audit: AuditService): void {
  router.session({
    method: 'GET',
    url: '/audit',
    summary: 'Audit log of the subtrees the administrator manages, newest first',
    tag: 'audit',
    permission: 'audit.read',
    query: AuditQuery,
    response: AuditPage,
    handler: ({ ctx, query }) => audit.listAudit(ctx, query),
  });
}
