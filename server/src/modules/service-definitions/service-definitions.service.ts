import { DomainError, checkDefinedStockItems, checkServiceDefinition, type DefinedService, type ServiceDefinitionInput, type ServiceDefinitionUpdate } from '@relais/core';
import { isUniqueViolation, withTransaction, type Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { itemsOf } from '../stock/index.ts';
import { serviceDefinitionsPolicy } from './service-definitions.policy.ts';
import { insertDefinition, isProgramRun, selectLatestDefinitions, type StoredDefinition } from './service-definitions.repository.ts';

function toDefined(d: StoredDefinition): DefinedService {
  return {
    code: d.code,
    program: d.program,
    labels: d.labels,
    pictogram: d.pictogram as DefinedService['pictogram'],
    fields: d.fields,
    version: d.version,
    retired: d.retired,
    updatedAt: new Date(d.created_at).toISOString(),
    updatedBy: d.created_by,
  };
}

/** The organisation's defined services as they stand (latest versions, retired ones included), by code: what capture and imports check records against. */
export async function loadDefinedServices(db: Queryable, organisationId: string): Promise<Map<string, DefinedService>> {
  return new Map((await selectLatestDefinitions(db, organisationId)).map((d) => [d.code, toDefined(d)]));
}

/**
 * Services an organisation defines itself (ADR 0028). Each change stores a new version beside the
 * others; records keep the version they were saved under, so a change never alters them.
 */
export function createServiceDefinitionsService(db: Queryable) {
  const allowed = async (trx: Queryable, ctx: RequestContext, program: string) => {
    if (!serviceDefinitionsPolicy.define(ctx.actor)) throw new DomainError('forbidden');
    if (!(await isProgramRun(trx, ctx.actor.organisationId, program))) throw new DomainError('program_unknown');
  };
  const store = async (trx: Queryable, ctx: RequestContext, d: Omit<StoredDefinition, 'created_by' | 'created_at'>, action: 'create' | 'update') => {
    let at: Date;
    try {
      at = await insertDefinition(trx, ctx.actor.organisationId, ctx.actor.userId, d);
    } catch (error) {
      // Two administrators saving at once: the second one's version is taken.
      if (isUniqueViolation(error)) throw new DomainError('id_conflict');
      throw error;
    }
    await recordAudit(trx, whoOf(ctx), { action: `service_definition.${action}`, entityType: 'service_definition', entityId: d.code, details: { program: d.program, version: d.version, retired: d.retired } });
    return toDefined({ ...d, created_by: ctx.actor.userId, created_at: at });
  };

  return {
    /** The services defined for a program, retired ones included (the capture form leaves those out). */
    async list(ctx: RequestContext, program: string): Promise<DefinedService[]> {
      return (await selectLatestDefinitions(db, ctx.actor.organisationId, program)).map(toDefined);
    },

    /** Adds a service to a program: its code is neither built in nor taken by another defined service. */
    async create(ctx: RequestContext, program: string, input: ServiceDefinitionInput): Promise<DefinedService> {
      return withTransaction(db, async (trx) => {
        await allowed(trx, ctx, program);
        const taken = new Set((await selectLatestDefinitions(trx, ctx.actor.organisationId)).map((d) => d.code));
        const issues = [...checkServiceDefinition(input, taken), ...checkDefinedStockItems(input.fields, await itemsOf(trx, ctx.actor.organisationId))];
        if (issues.length) throw new DomainError('validation_failed', { fields: issues });
        return store(trx, ctx, { ...input, program, version: 1, retired: false }, 'create');
      });
    },

    /** A new version of a service's definition (or its retirement): records already saved keep theirs. */
    async update(ctx: RequestContext, program: string, code: string, input: ServiceDefinitionUpdate): Promise<DefinedService> {
      return withTransaction(db, async (trx) => {
        await allowed(trx, ctx, program);
        const current = (await selectLatestDefinitions(trx, ctx.actor.organisationId, program)).find((d) => d.code === code);
        if (!current) throw new DomainError('not_found');
        const issues = [...checkServiceDefinition(input), ...checkDefinedStockItems(input.fields, await itemsOf(trx, ctx.actor.organisationId))];
        if (issues.length) throw new DomainError('validation_failed', { fields: issues });
        const { retired, ...definition } = input;
        return store(trx, ctx, { ...definition, code, program, version: current.version + 1, retired }, 'update');
      });
    },
  };
}
export type ServiceDefinitionsService = ReturnType<typeof createServiceDefinitionsService>;
