import { DomainError, invalidField, isRootUnit, type CreateOrgUnit, type OrgUnit, type OrgUnitLevel, type UpdateOrgUnit } from '@relais/core';
import { isUniqueViolation, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { orgConfig, type Actor, type RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import * as repo from './org-units.repository.ts';
import { orgUnitsPolicy } from './org-units.policy.ts';

type UnitRow = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

type Territories = Awaited<ReturnType<typeof repo.selectTerritoryCodes>>;

function toOrgUnit(row: UnitRow, territories: Territories): OrgUnit {
  const territory = row.territory_id ? (territories.codeOf.get(row.territory_id) ?? null) : null;
  return { id: row.id, code: row.code, name: row.name, level: row.level as OrgUnitLevel, parentId: row.parent_id, active: row.active, latitude: row.latitude, longitude: row.longitude, territory };
}

/** The id of a territory a request names by code (null clears it); an unknown code is named back. */
function territoryIdOf(territories: Territories, code: string | null): string | null {
  if (code === null) return null;
  const id = territories.idOf.get(code);
  if (!id) throw invalidField('territory', 'unknown_reference', { value: code });
  return id;
}

export type Unit = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

/** The actor of a request whose organisation's units this process may keep (ADR 0046). */
type KeptFor = Pick<Actor, 'organisationId' | 'configVersion'>;

/** `findUnit` for the field's reads: kept while the organisation's units do not change (ADR 0046). Read-only. */
export function findUnitKept(db: Queryable, actor: KeptFor, id: string): Promise<Unit | undefined> {
  return orgConfig(actor, `unit:${id}`, () => repo.findUnit(db, actor.organisationId, id));
}

/** `selectUnitsUnder` for the field's reads: kept while the organisation's units do not change (ADR 0046). Read-only. */
export function selectUnitsUnderKept(db: Queryable, actor: KeptFor, paths: string[]) {
  return orgConfig(actor, `under:${paths.join('|')}`, () => repo.selectUnitsUnder(db, actor.organisationId, paths));
}

/**
 * The unit a request names (`orgUnitId`), where the actor may do what she asks (`may`, her
 * module's policy); an unknown unit and one out of her reach are refused alike (`invalid_choice`).
 */
export async function unitWhere(db: Queryable, organisationId: string, id: string, may: (unit: Unit) => boolean, kept?: KeptFor): Promise<Unit> {
  const unit = kept ? await findUnitKept(db, kept, id) : await repo.findUnit(db, organisationId, id);
  if (!unit || !may(unit)) throw invalidField('orgUnitId', 'invalid_choice');
  return unit;
}

export function createOrgUnitsService(db: Queryable) {
  /** A unit the actor may see (else not_found: what is outside one's scope does not exist for one). */
  async function visibleUnit(trx: Queryable, ctx: RequestContext, id: string): Promise<UnitRow> {
    const unit = await repo.findUnit(trx, ctx.actor.organisationId, id);
    if (!unit || !orgUnitsPolicy.see(ctx.actor, unit.path)) throw new DomainError('not_found');
    return unit;
  }

  async function withCodeCheck<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('org_unit_code_taken');
      throw error;
    }
  }

  return {
    async listOrgUnits(ctx: RequestContext): Promise<OrgUnit[]> {
      const rows = await repo.selectUnitsUnder(db, ctx.actor.organisationId, orgUnitsPolicy.readableUnits(ctx.actor));
      const territories = await repo.selectTerritoryCodes(db);
      return rows.map((r) => toOrgUnit(r, territories));
    },

    /** Creates a unit under a parent the actor manages; a retried create with the same id is applied once. */
    async createOrgUnit(ctx: RequestContext, input: CreateOrgUnit): Promise<{ unit: OrgUnit; created: boolean }> {
      return db.transaction().execute(async (trx) => {
        const org = ctx.actor.organisationId;
        const territories = await repo.selectTerritoryCodes(trx);
        if (input.id) {
          const existing = await repo.findUnit(trx, org, input.id);
          if (existing) {
            const same = existing.code === input.code && existing.parent_id === input.parentId && existing.name === input.name && existing.level === input.level;
            if (!same || !orgUnitsPolicy.see(ctx.actor, existing.path)) throw new DomainError('id_conflict');
            return { unit: toOrgUnit(existing, territories), created: false };
          }
        }
        const parent = await repo.findUnit(trx, org, input.parentId);
        if (!parent || !orgUnitsPolicy.manage(ctx.actor, parent.path)) throw new DomainError('org_unit_parent_invalid');
        const id = input.id ?? newId();
        const path = `${parent.path}${id}/`;
        const territory_id = territoryIdOf(territories, input.territory ?? null);
        await withCodeCheck(() =>
          repo.insertUnit(trx, { organisation_id: org, id, code: input.code, name: input.name, level: input.level, parent_id: parent.id, path, latitude: input.latitude ?? null, longitude: input.longitude ?? null, territory_id }),
        );
        await recordAudit(trx, whoOf(ctx), {
          action: 'org_unit.create',
          entityType: 'org_unit',
          entityId: id,
          orgUnit: { id, path },
          details: { code: input.code, name: input.name, level: input.level, parentId: parent.id, territory: input.territory ?? null },
        });
        const unit = await repo.findUnit(trx, org, id);
        return { unit: toOrgUnit(unit!, territories), created: true };
      });
    },

    /** Renames, recodes, moves (with its subtree) or (de)activates a unit the actor manages. */
    async updateOrgUnit(ctx: RequestContext, id: string, patch: UpdateOrgUnit): Promise<OrgUnit> {
      return db.transaction().execute(async (trx) => {
        const org = ctx.actor.organisationId;
        const unit = await visibleUnit(trx, ctx, id);
        if (!orgUnitsPolicy.manage(ctx.actor, unit.path)) throw new DomainError('forbidden');
        const isRoot = isRootUnit({ parentId: unit.parent_id });
        const territories = await repo.selectTerritoryCodes(trx);
        const territory_id = patch.territory !== undefined ? territoryIdOf(territories, patch.territory) : undefined;
        if (patch.parentId !== undefined && patch.parentId !== unit.parent_id) {
          if (isRoot) throw new DomainError('org_unit_parent_invalid');
          const parent = await repo.findUnit(trx, org, patch.parentId);
          if (!parent || !orgUnitsPolicy.manage(ctx.actor, parent.path) || parent.path.startsWith(unit.path)) {
            throw new DomainError('org_unit_parent_invalid');
          }
          await repo.rewritePaths(trx, org, unit.path, `${parent.path}${unit.id}/`);
        }
        if (patch.active === false && unit.active) {
          if (isRoot) throw new DomainError('forbidden');
          if ((await repo.countActiveChildren(trx, org, id)) > 0) throw new DomainError('org_unit_has_children');
        }
        await withCodeCheck(() =>
          repo.updateUnit(trx, org, id, {
            ...(patch.code !== undefined ? { code: patch.code } : {}),
            ...(patch.name !== undefined ? { name: patch.name } : {}),
            ...(patch.level !== undefined ? { level: patch.level } : {}),
            ...(patch.active !== undefined ? { active: patch.active } : {}),
            ...(patch.latitude !== undefined ? { latitude: patch.latitude } : {}),
            ...(patch.longitude !== undefined ? { longitude: patch.longitude } : {}),
            ...(territory_id !== undefined ? { territory_id } : {}),
            ...(patch.parentId !== undefined && !isRoot ? { parent_id: patch.parentId } : {}),
          }),
        );
        const updated = (await repo.findUnit(trx, org, id))!;
        await recordAudit(trx, whoOf(ctx), {
          action: 'org_unit.update',
          entityType: 'org_unit',
          entityId: id,
          orgUnit: { id, path: updated.path },
          details: { changes: patch },
        });
        return toOrgUnit(updated, territories);
      });
    },
  };
}
export type OrgUnitsService = ReturnType<typeof createOrgUnitsService>;
