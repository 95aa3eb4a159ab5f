import { sql } from 'kysely';
import { z } from 'zod';
import {
  DomainError,
  checkCode,
  checkServiceEntry,
  parseRegisterNo,
  parsePeriod,
  programCodes,
  codeProblemParams,
  contactModalities,
  entryDoors,
  housings,
  maritalStatuses,
  occupations,
  orgUnitLevels,
  schoolings,
  serviceCodes,
  sexes,
  testResults,
  testStrategies,
  formatIssue,
  hasInvalidCharacters,
  type FieldIssue,
  type ImportKind,
  type TextFormat,
  type ServiceCode,
} from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import { contentId, newId } from '../../lib/ids.ts';
import { isInScope } from '@relais/core';
import type { RequestContext } from '../../context/index.ts';
import { scope } from '../../context/index.ts';
import { recordAudit, type AuditWho } from '../audit/audit.service.ts';
import { loadIndicators } from '../reports/indicators.repository.ts';
import { loadSettings } from '../registry/registry.service.ts';
import { registerMany, type NewBeneficiaryRow, type RegisterManyPhase } from '../registry/register-many.service.ts';
import { loadProgramServices } from '../capture/catalogue.service.ts';
import { nextRegisterNo } from '../capture/capture.repository.ts';
import type { Table } from './parse.ts';

export { importKinds, type ImportKind } from '@relais/core';

export const importColumns: Record<ImportKind, { required: string[]; optional: string[] }> = {
  'org-units': { required: ['code', 'name', 'parent_code', 'level'], optional: ['latitude', 'longitude'] },
  beneficiaries: {
    required: ['code', 'populations', 'sex', 'section', 'registered_on'],
    optional: ['birth_year', 'entry_door', 'marital_status', 'schooling', 'housing', 'occupation'],
  },
  targets: { required: ['indicator', 'program', 'org_unit', 'period', 'value'], optional: [] },
  services: {
    required: ['code', 'date', 'section', 'program', 'service'],
    optional: ['id', 'quantity', 'result', 'kind', 'strategy', 'modality', 'treated', 'site', 'worker', 'register_no'],
  },
};

/** One rejected cell: the line in the file, the column, and why (a validation code with its params). */
export interface RowIssue {
  line: number;
  column: string;
  issue: FieldIssue;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  created: number;
  unchanged: number;
  applied: boolean;
  issues: RowIssue[];
}

/** Who imports: a user (her scope applies) or the operator's command line (the whole organisation). */
export interface Importer {
  organisationId: string;
  ctx: RequestContext | null;
  onProgress?: (phase: 'checked' | RegisterManyPhase, done: number, total: number) => void;
}

const today = () => new Date().toISOString().slice(0, 10);
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const uuidLike = z.uuid();

/** The params of an `invalid_format` issue: the documented format and its example. */
const formatParams = (format: TextFormat) => formatIssue('', format).params;

class RowChecker {
  issues: RowIssue[] = [];
  /** A cell holding NUL or a lone surrogate is refused as such, the row's other checks aside. */
  constructor(
    private readonly line: number,
    cells: Record<string, string>,
  ) {
    for (const [column, value] of Object.entries(cells)) if (hasInvalidCharacters(value)) this.fail(column, 'invalid_characters');
  }
  fail(column: string, code: FieldIssue['code'], params?: Record<string, string | number>) {
    // One reason per cell: a cell with invalid characters says only that.
    if (this.issues.some((i) => i.column === column && i.issue.code === 'invalid_characters')) return;
    this.issues.push({ line: this.line, column, issue: { field: column, code, ...(params ? { params } : {}) } });
  }
  required(cells: Record<string, string>, column: string): string | null {
    const v = cells[column] ?? '';
    if (v === '') {
      this.fail(column, 'required');
      return null;
    }
    return v;
  }
  choice<T extends string>(cells: Record<string, string>, column: string, allowed: readonly T[], required = false): T | null {
    const v = cells[column] ?? '';
    if (v === '') {
      if (required) this.fail(column, 'required');
      return null;
    }
    if (!(allowed as readonly string[]).includes(v)) {
      this.fail(column, 'invalid_choice');
      return null;
    }
    return v as T;
  }
  integer(cells: Record<string, string>, column: string, min: number, max: number): number | null {
    return this.number(cells[column] ?? '', column, /^-?\d+$/, min, max);
  }
  /** A testing register number: a whole number, or the paper register's `2026-017` of the service's year. */
  registerNo(cells: Record<string, string>, column: string, year: number | null): number | null {
    const v = cells[column] ?? '';
    if (v === '') return null;
    const parsed = parseRegisterNo(v, year ?? Number(v.slice(0, 4)));
    if (!parsed.ok) {
      this.fail(column, parsed.issue.code, parsed.issue.params);
      return null;
    }
    return this.number(String(parsed.registerNo), column, /^\d+$/, 1, 1_000_000);
  }
  /** A decimal number (a comma is read as the decimal point, as French spreadsheets write it). */
  decimal(cells: Record<string, string>, column: string, min: number, max: number): number | null {
    return this.number((cells[column] ?? '').replace(',', '.'), column, /^-?\d+(\.\d+)?$/, min, max);
  }
  private number(v: string, column: string, shape: RegExp, min: number, max: number): number | null {
    if (v === '') return null;
    if (!shape.test(v)) {
      this.fail(column, 'invalid_type');
      return null;
    }
    const n = Number(v);
    if (n < min) this.fail(column, 'too_small', { min });
    else if (n > max) this.fail(column, 'too_big', { max });
    else return n;
    return null;
  }
  date(cells: Record<string, string>, column: string): string | null {
    const v = this.required(cells, column);
    if (v === null) return null;
    if (!isDate(v)) this.fail(column, 'invalid_format', formatParams('date'));
    else if (v > today()) this.fail(column, 'future_date');
    else return v;
    return null;
  }
}

/**
 * Imports a file whole or not at all, with the same rules as the API (core
 * contracts, code scheme, service definitions, the importer's scope). Rows are
 * written in bulk in one transaction; rows already imported (same id, or same
 * content when there is no id) are left unchanged, so importing a file again
 * creates nothing.
 */
export function createImportService(db: Queryable) {
  async function loadUnits(trx: Queryable, org: string) {
    const rows = await trx.selectFrom('org_unit').select(['id', 'code', 'name', 'path', 'level', 'parent_id', 'active']).where('organisation_id', '=', org).execute();
    return new Map(rows.map((r) => [r.code, r]));
  }

  function mayWrite(importer: Importer, permission: 'org_unit.manage' | 'person.write' | 'service.write', path: string): boolean {
    return importer.ctx === null || isInScope(scope(importer.ctx.actor, permission), path);
  }

  async function audit(trx: Queryable, importer: Importer, kind: ImportKind, report: ImportReport) {
    const who: AuditWho = importer.ctx
      ? { organisationId: importer.organisationId, actorId: importer.ctx.actor.userId, requestId: importer.ctx.requestId, ip: importer.ctx.ip }
      : { organisationId: importer.organisationId, actorId: null };
    await recordAudit(trx, who, { action: 'import', entityType: 'file', details: { kind, rows: report.rows, created: report.created, unchanged: report.unchanged } });
  }

  function missingColumns(kind: ImportKind, table: Table) {
    const missing = importColumns[kind].required.filter((c) => !table.columns.includes(c));
    if (missing.length) throw new DomainError('file_missing_columns', { params: { columns: missing.join(', ') } });
  }

  async function importOrgUnits(trx: Queryable, importer: Importer, table: Table, dryRun: boolean): Promise<ImportReport> {
    const org = importer.organisationId;
    const units = await loadUnits(trx, org);
    // A row without a parent goes directly under the organisation's root unit.
    const rootCode = [...units.values()].find((u) => u.parent_id === null)!.code;
    const issues: RowIssue[] = [];
    const planned = new Map<string, { line: number; code: string; name: string; parent: string; level: string; latitude: number | null; longitude: number | null }>();
    let unchanged = 0;
    for (const { line, cells } of table.rows) {
      const c = new RowChecker(line, cells);
      const code = c.required(cells, 'code')?.toUpperCase() ?? null;
      const name = c.required(cells, 'name');
      const parent = cells.parent_code ? cells.parent_code.toUpperCase() : rootCode;
      const level = c.choice(cells, 'level', orgUnitLevels, true);
      const latitude = c.decimal(cells, 'latitude', -90, 90);
      const longitude = c.decimal(cells, 'longitude', -180, 180);
      // A place is both coordinates or neither: the missing one is named.
      if (latitude !== null && !cells.longitude) c.fail('longitude', 'required');
      if (longitude !== null && !cells.latitude) c.fail('latitude', 'required');
      if (code && !/^[A-Z0-9][A-Z0-9_-]{0,31}$/.test(code)) c.fail('code', 'invalid_format', formatParams('unit_code'));
      if (code && planned.has(code)) c.fail('code', 'duplicate_in_file', { value: code, first: planned.get(code)!.line });
      const existing = code ? units.get(code) : undefined;
      if (c.issues.length === 0 && code && name && parent && level) {
        if (existing) {
          const parentRow = existing.parent_id ? [...units.values()].find((u) => u.id === existing.parent_id) : undefined;
          // The root unit itself, given without a parent, is there already.
          const sameParent = existing.parent_id === null ? !cells.parent_code : parentRow?.code === parent;
          if (existing.name === name && existing.level === level && sameParent) unchanged++;
          else c.fail('code', 'taken');
        } else planned.set(code, { line, code, name, parent, level, latitude, longitude });
      }
      issues.push(...c.issues);
    }
    // Parents: already in the database, or earlier or later in the file.
    const paths = new Map<string, { id: string; path: string }>([...units.values()].map((u) => [u.code, { id: u.id, path: u.path }]));
    const order: typeof planned extends Map<string, infer V> ? V[] : never = [];
    let pending = [...planned.values()];
    while (pending.length) {
      const ready = pending.filter((p) => paths.has(p.parent));
      if (ready.length === 0) break;
      for (const p of ready) {
        const parent = paths.get(p.parent)!;
        const id = contentId(org, 'org_unit', p.code);
        paths.set(p.code, { id, path: `${parent.path}${id}/` });
        order.push(p);
      }
      pending = pending.filter((p) => !ready.includes(p));
    }
    for (const p of pending) issues.push({ line: p.line, column: 'parent_code', issue: { field: 'parent_code', code: 'unknown_reference', params: { value: p.parent } } });
    for (const p of order) {
      const parent = paths.get(p.parent)!;
      if (!mayWrite(importer, 'org_unit.manage', parent.path)) issues.push({ line: p.line, column: 'parent_code', issue: { field: 'parent_code', code: 'invalid_choice' } });
    }
    const report: ImportReport = { kind: 'org-units', dryRun, rows: table.rows.length, created: order.length, unchanged, applied: false, issues };
    if (issues.length || dryRun) return { ...report, created: issues.length ? 0 : order.length };
    for (const p of order) {
      const { id, path } = paths.get(p.code)!;
      await trx
        .insertInto('org_unit')
        .values({ organisation_id: org, id, code: p.code, name: p.name, level: p.level, parent_id: paths.get(p.parent)!.id, path, latitude: p.latitude, longitude: p.longitude })
        .execute();
    }
    importer.onProgress?.('written', order.length, order.length);
    return { ...report, applied: true };
  }

  async function importBeneficiaries(trx: Queryable, importer: Importer, table: Table, dryRun: boolean): Promise<ImportReport> {
    const org = importer.organisationId;
    const [units, settings] = await Promise.all([loadUnits(trx, org), loadSettings(trx, org)]);
    const codesInFile = table.rows.map((r) => checkCode(settings.codeScheme, r.cells.code ?? '')).flatMap((c) => (c.ok ? [c.code] : []));
    const existing = new Set<string>();
    for (let i = 0; i < codesInFile.length; i += 5000) {
      const rows = await trx.selectFrom('beneficiary').select('code').where('organisation_id', '=', org).where(sql<boolean>`code = any(${sql.val(codesInFile.slice(i, i + 5000))}::text[])`).execute();
      for (const r of rows) existing.add(r.code);
    }
    const issues: RowIssue[] = [];
    const seen = new Map<string, number>();
    const plan: NewBeneficiaryRow[] = [];
    let unchanged = 0;
    for (const [i, { line, cells }] of table.rows.entries()) {
      const c = new RowChecker(line, cells);
      const shape = checkCode(settings.codeScheme, cells.code ?? '');
      let code: string | null = null;
      if (!shape.ok) c.fail('code', 'invalid_code', codeProblemParams(shape.problems[0]!));
      else code = shape.code;
      if (code && seen.has(code)) c.fail('code', 'duplicate_in_file', { value: code, first: seen.get(code)! });
      if (code) seen.set(code, line);
      const populations = (c.required(cells, 'populations') ?? '').split(';').map((p) => p.trim().toUpperCase()).filter(Boolean);
      for (const p of populations) if (!settings.populations.includes(p)) c.fail('populations', 'invalid_choice');
      const sex = c.choice(cells, 'sex', sexes, true);
      const birthYear = c.integer(cells, 'birth_year', 1900, new Date().getFullYear());
      const unit = units.get((c.required(cells, 'section') ?? '').toUpperCase());
      if (cells.section && !unit) c.fail('section', 'unknown_reference', { value: cells.section });
      else if (unit && !mayWrite(importer, 'person.write', unit.path)) c.fail('section', 'invalid_choice');
      const registeredOn = c.date(cells, 'registered_on');
      const entryDoor = c.choice(cells, 'entry_door', entryDoors);
      const marital = c.choice(cells, 'marital_status', maritalStatuses);
      const schooling = c.choice(cells, 'schooling', schoolings);
      const housing = c.choice(cells, 'housing', housings);
      const occupation = c.choice(cells, 'occupation', occupations);
      issues.push(...c.issues);
      if (c.issues.length === 0 && code && unit && registeredOn && sex) {
        if (existing.has(code)) unchanged++;
        else
          plan.push({ id: contentId(org, 'beneficiary', code), code, unitId: unit.id, registeredOn, populations: [...new Set(populations)], sex, birthYear, entryDoor, maritalStatus: marital, schooling, housing, occupation });
      }
      if ((i + 1) % 10_000 === 0) importer.onProgress?.('checked', i + 1, table.rows.length);
    }
    const report: ImportReport = { kind: 'beneficiaries', dryRun, rows: table.rows.length, created: plan.length, unchanged, applied: false, issues };
    if (issues.length || dryRun) return { ...report, created: issues.length ? 0 : plan.length };
    await registerMany(trx, org, settings.codeScheme, plan, { registeredBy: importer.ctx?.actor.userId ?? null, onProgress: importer.onProgress });
    return { ...report, applied: true };
  }

  async function importServices(trx: Queryable, importer: Importer, table: Table, dryRun: boolean): Promise<ImportReport> {
    const org = importer.organisationId;
    const [units, settings, programs, users, enabled] = await Promise.all([
      loadUnits(trx, org),
      loadSettings(trx, org),
      loadProgramServices(trx, org),
      trx.selectFrom('app_user').select(['id', 'username', 'active']).where('organisation_id', '=', org).execute(),
      trx.selectFrom('program').select('code').where('organisation_id', '=', org).where('enabled', '=', true).execute(),
    ]);
    const usernames = new Map(users.filter((u) => u.active).map((u) => [u.username, u.id]));
    const enabledPrograms = new Set(enabled.map((p) => p.code));
    const codes = [...new Set(table.rows.map((r) => checkCode(settings.codeScheme, r.cells.code ?? '')).flatMap((c) => (c.ok ? [c.code] : [])))];
    const persons = new Map<string, { id: string; merged_into: string | null }>();
    for (let i = 0; i < codes.length; i += 5000) {
      const rows = await trx.selectFrom('beneficiary').select(['id', 'code', 'merged_into']).where('organisation_id', '=', org).where(sql<boolean>`code = any(${sql.val(codes.slice(i, i + 5000))}::text[])`).execute();
      for (const r of rows) persons.set(r.code, { id: r.id, merged_into: r.merged_into });
    }
    const issues: RowIssue[] = [];
    const firstLineOfId = new Map<string, number>();
    let duplicates = 0;
    const registerNos = new Map<string, number>();
    type Row = {
      line: number;
      id: string; contactId: string; personId: string; date: string; workerId: string | null; unitId: string; siteId: string | null; program: string; service: ServiceCode;
      quantity: number | null; result: string | null; strategy: string | null; modality: string | null; kind: string | null; treated: boolean | null; registerNo: number | null; year: number;
    };
    const plan: Row[] = [];
    for (const [i, { line, cells }] of table.rows.entries()) {
      const c = new RowChecker(line, cells);
      let id: string | null = null;
      if (cells.id) {
        if (!uuidLike.safeParse(cells.id).success) c.fail('id', 'invalid_format', formatParams('uuid'));
        else id = cells.id.toLowerCase();
      }
      const shape = checkCode(settings.codeScheme, cells.code ?? '');
      let personId: string | null = null;
      if (!shape.ok) c.fail('code', 'invalid_code', codeProblemParams(shape.problems[0]!));
      else {
        const p = persons.get(shape.code);
        if (!p) c.fail('code', 'unknown_reference', { value: shape.code });
        else personId = p.merged_into ?? p.id; // a merged code stands for the record it was merged into
      }
      const date = c.date(cells, 'date');
      const unit = units.get((c.required(cells, 'section') ?? '').toUpperCase());
      if (cells.section && !unit) c.fail('section', 'unknown_reference', { value: cells.section });
      else if (unit && !mayWrite(importer, 'service.write', unit.path)) c.fail('section', 'invalid_choice');
      const program = c.required(cells, 'program');
      if (program && !enabledPrograms.has(program)) c.fail('program', 'invalid_choice');
      const service = c.choice(cells, 'service', serviceCodes, true);
      let site: string | null = null;
      if (cells.site) {
        const s = units.get(cells.site.toUpperCase());
        if (!s) c.fail('site', 'unknown_reference', { value: cells.site });
        else if (unit && !s.path.startsWith(unit.path)) c.fail('site', 'invalid_choice');
        else site = s.id;
      }
      // Optional: paper registers and old exports rarely name an account that still exists.
      let workerId: string | null = null;
      if (cells.worker) {
        workerId = usernames.get(cells.worker.toLowerCase()) ?? null;
        if (!workerId) c.fail('worker', 'unknown_reference', { value: cells.worker });
      }
      const quantity = c.integer(cells, 'quantity', 1, 100_000);
      const result = c.choice(cells, 'result', testResults);
      const strategy = c.choice(cells, 'strategy', testStrategies);
      const modality = c.choice(cells, 'modality', contactModalities);
      const kind = cells.kind || null;
      const treatedText = c.choice(cells, 'treated', ['yes', 'no'] as const);
      const treated = treatedText === null ? null : treatedText === 'yes';
      const registerNo = c.registerNo(cells, 'register_no', date ? Number(date.slice(0, 4)) : null);
      if (service && program && c.issues.every((x) => x.column !== 'service' && x.column !== 'program')) {
        const entry = { service, quantity, result, strategy, modality, kind, treated, platform: null, registerNo };
        for (const issue of checkServiceEntry(entry, programs[program], '')) {
          const column = issue.field === 'registerNo' ? 'register_no' : issue.field;
          if (c.issues.some((x) => x.column === column)) continue; // one reason per cell
          c.fail(column, issue.code);
        }
      }
      if (date && unit && registerNo !== null && service === 'hiv_test') {
        const key = `${unit.id}:${date.slice(0, 4)}:${registerNo}`;
        if (registerNos.has(key)) c.fail('register_no', 'duplicate_in_file', { value: registerNo, first: registerNos.get(key)! });
        registerNos.set(key, line);
      }
      issues.push(...c.issues);
      if (c.issues.length === 0 && personId && date && unit && program && service) {
        const rowId = id ?? contentId(org, 'service', shape.ok ? shape.code : '', date, unit.code, program, service, quantity, result, kind, strategy, modality, treatedText, cells.site ?? '', cells.worker ?? '', registerNo);
        if (firstLineOfId.has(rowId)) {
          // The same id twice is a mistake; the same row twice (no id) is one service, imported once.
          if (id) issues.push({ line, column: 'id', issue: { field: 'id', code: 'duplicate_in_file', params: { value: id, first: firstLineOfId.get(rowId)! } } });
          else duplicates++;
          continue;
        }
        firstLineOfId.set(rowId, line);
        plan.push({
          line,
          id: rowId, contactId: contentId(org, 'contact', personId, date, unit.id, program, workerId), personId, date, workerId, unitId: unit.id, siteId: site, program, service,
          quantity, result, strategy, modality, kind, treated, registerNo, year: Number(date.slice(0, 4)),
        });
      }
      if ((i + 1) % 10_000 === 0) importer.onProgress?.('checked', i + 1, table.rows.length);
    }
    // Rows already in the database (a re-import) are left as they are.
    const known = new Set<string>();
    for (let i = 0; i < plan.length; i += 5000) {
      const rows = await trx.selectFrom('service_event').select('id').where('organisation_id', '=', org).where(sql<boolean>`id = any(${sql.val(plan.slice(i, i + 5000).map((p) => p.id))}::uuid[])`).execute();
      for (const r of rows) known.add(r.id);
    }
    const fresh = plan.filter((p) => !known.has(p.id));
    // Transcribed register numbers must be free in the database too.
    for (const p of fresh.filter((x) => x.registerNo !== null)) {
      const taken = await trx.selectFrom('service_event').select('id').where('organisation_id', '=', org).where('org_unit_id', '=', p.unitId).where('register_year', '=', p.year).where('register_no', '=', p.registerNo).executeTakeFirst();
      if (taken) issues.push({ line: p.line, column: 'register_no', issue: { field: 'register_no', code: 'taken' } });
    }
    const report: ImportReport = { kind: 'services', dryRun, rows: table.rows.length, created: fresh.length, unchanged: plan.length - fresh.length + duplicates, applied: false, issues };
    if (issues.length || dryRun) return { ...report, created: issues.length ? 0 : fresh.length };
    for (const p of fresh) if (p.service === 'hiv_test' && p.registerNo === null) p.registerNo = await nextRegisterNo(trx, org, p.unitId, p.year);
    const createdBy = importer.ctx?.actor.userId ?? fresh.find((p) => p.workerId)?.workerId ?? newId();
    for (let i = 0; i < fresh.length; i += 2000) {
      const b = fresh.slice(i, i + 2000);
      await sql`
        insert into service_event (organisation_id, id, contact_id, beneficiary_id, service_date, worker_id, org_unit_id, site_id, program, service,
          quantity, result, strategy, modality, kind, treated, register_year, register_no, created_by)
        select ${org}::uuid, r.id, r.contact_id, r.person, r.d, r.worker, r.unit, r.site, r.program, r.service, r.quantity, r.result, r.strategy, r.modality, r.kind, r.treated,
          case when r.register_no is null then null else extract(year from r.d)::int end, r.register_no, ${createdBy}::uuid
        from unnest(${b.map((p) => p.id)}::uuid[], ${b.map((p) => p.contactId)}::uuid[], ${b.map((p) => p.personId)}::uuid[], ${b.map((p) => p.date)}::date[],
          ${b.map((p) => p.workerId)}::uuid[], ${b.map((p) => p.unitId)}::uuid[], ${b.map((p) => p.siteId)}::uuid[], ${b.map((p) => p.program)}::text[], ${b.map((p) => p.service)}::text[],
          ${b.map((p) => p.quantity)}::int[], ${b.map((p) => p.result)}::text[], ${b.map((p) => p.strategy)}::text[], ${b.map((p) => p.modality)}::text[], ${b.map((p) => p.kind)}::text[],
          ${b.map((p) => p.treated)}::boolean[], ${b.map((p) => p.registerNo)}::int[])
          as r(id, contact_id, person, d, worker, unit, site, program, service, quantity, result, strategy, modality, kind, treated, register_no)
        on conflict do nothing`.execute(trx);
      importer.onProgress?.('written', Math.min(fresh.length, i + 2000), fresh.length);
    }
    // Where the persons are now known, and when they were last seen.
    const seen = new Map<string, { unit: string; date: string }>();
    const last = new Map<string, string>();
    for (const p of fresh) {
      seen.set(`${p.personId}:${p.unitId}`, { unit: p.unitId, date: seen.get(`${p.personId}:${p.unitId}`)?.date ?? p.date });
      if ((last.get(p.personId) ?? '') < p.date) last.set(p.personId, p.date);
    }
    const pairs = [...seen.entries()].map(([k, v]) => ({ person: k.split(':')[0]!, ...v }));
    for (let i = 0; i < pairs.length; i += 5000) {
      const b = pairs.slice(i, i + 5000);
      await sql`
        insert into beneficiary_unit (organisation_id, beneficiary_id, org_unit_id, since, via)
        select ${org}::uuid, r.person, r.unit, r.d, 'served' from unnest(${b.map((p) => p.person)}::uuid[], ${b.map((p) => p.unit)}::uuid[], ${b.map((p) => p.date)}::date[]) as r(person, unit, d)
        on conflict do nothing`.execute(trx);
    }
    const lastSeen = [...last.entries()];
    for (let i = 0; i < lastSeen.length; i += 5000) {
      const b = lastSeen.slice(i, i + 5000);
      await sql`
        update beneficiary as x set last_seen_on = greatest(x.last_seen_on, r.d), updated_at = now()
        from unnest(${b.map(([id]) => id)}::uuid[], ${b.map(([, d]) => d)}::date[]) as r(id, d)
        where x.organisation_id = ${org} and x.id = r.id`.execute(trx);
    }
    return { ...report, applied: true };
  }

  async function importTargets(trx: Queryable, importer: Importer, table: Table, dryRun: boolean): Promise<ImportReport> {
    const org = importer.organisationId;
    const units = await loadUnits(trx, org);
    const existing = new Map(
      (await trx.selectFrom('target').select(['indicator', 'program', 'org_unit_id', 'period', 'value']).where('organisation_id', '=', org).execute()).map((t) => [
        `${t.indicator}|${t.program}|${t.org_unit_id}|${t.period}`,
        Number(t.value),
      ]),
    );
    const indicatorCodes = (await loadIndicators(trx, org)).map((i) => i.code);
    const issues: RowIssue[] = [];
    const seen = new Map<string, number>();
    const plan: { indicator: string; program: string; unitId: string; period: string; value: number }[] = [];
    let unchanged = 0;
    for (const { line, cells } of table.rows) {
      const c = new RowChecker(line, cells);
      const indicator = c.choice(cells, 'indicator', indicatorCodes, true);
      const program = c.choice(cells, 'program', programCodes, true);
      const unit = units.get((c.required(cells, 'org_unit') ?? '').toUpperCase());
      if (cells.org_unit && !unit) c.fail('org_unit', 'unknown_reference', { value: cells.org_unit });
      else if (unit && importer.ctx && !isInScope(scope(importer.ctx.actor, 'target.manage'), unit.path)) c.fail('org_unit', 'invalid_choice');
      const period = c.required(cells, 'period');
      if (period && !parsePeriod(period)) c.fail('period', 'invalid_format', formatParams('period'));
      const raw = c.required(cells, 'value');
      const value = raw === null ? null : Number(raw.replace(',', '.'));
      if (raw !== null && (value === null || !Number.isFinite(value))) c.fail('value', 'invalid_type');
      else if (value !== null && value < 0) c.fail('value', 'too_small', { min: 0 });
      if (c.issues.length === 0 && indicator && program && unit && period && value !== null) {
        const key = `${indicator}|${program}|${unit.id}|${period}`;
        if (seen.has(key)) c.fail('period', 'duplicate_in_file', { value: period, first: seen.get(key)! });
        else {
          seen.set(key, line);
          if (existing.get(key) === value) unchanged++;
          else plan.push({ indicator, program, unitId: unit.id, period, value });
        }
      }
      issues.push(...c.issues);
    }
    const report: ImportReport = { kind: 'targets', dryRun, rows: table.rows.length, created: issues.length ? 0 : plan.length, unchanged, applied: false, issues };
    if (issues.length || dryRun) return report;
    for (const p of plan) {
      await trx
        .insertInto('target')
        .values({ organisation_id: org, indicator: p.indicator, program: p.program, org_unit_id: p.unitId, period: p.period, value: p.value })
        .onConflict((oc) => oc.columns(['organisation_id', 'indicator', 'program', 'org_unit_id', 'period']).doUpdateSet({ value: p.value, updated_at: sql`now()` }))
        .execute();
    }
    return { ...report, applied: true };
  }

  return {
    /** Checks (dryRun) or imports a parsed file of one kind, whole or not at all. */
    async importTable(importer: Importer, kind: ImportKind, table: Table, options: { dryRun?: boolean } = {}): Promise<ImportReport> {
      missingColumns(kind, table);
      const dryRun = options.dryRun ?? false;
      return db.transaction().execute(async (trx) => {
        const report =
          kind === 'org-units'
            ? await importOrgUnits(trx, importer, table, dryRun)
            : kind === 'beneficiaries'
              ? await importBeneficiaries(trx, importer, table, dryRun)
              : kind === 'targets'
                ? await importTargets(trx, importer, table, dryRun)
                : await importServices(trx, importer, table, dryRun);
        report.issues.sort((a, b) => a.line - b.line);
        if (report.applied) await audit(trx, importer, kind, report);
        return report;
      });
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
