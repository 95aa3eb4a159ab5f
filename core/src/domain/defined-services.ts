import type { FieldIssue } from '../errors.ts';
import type { DefinedField, DefinedLabels, DefinedService, ServiceDefinitionInput } from '../contracts/service-definitions.contract.ts';
import { checkServiceEntry, type ServiceDetails, type ServiceFields } from './service-rules.ts';
import { serviceCodes, type ProgramServiceSettings } from './services.ts';
import type { StockUnit } from './stock.ts';
import { fieldLabel, translate, type MessageKey } from '../i18n/index.ts';
import { locales } from '../contracts/common.ts';

/**
 * Services an organisation defines itself (issue 17, ADR 0028): a code, labels, a pictogram and
 * fields of a few types. Built-in services stay in `services.ts`; these rules check a definition
 * and the values a record gives its fields, the same way on the server, in forms and offline.
 */
// The field types and pictograms a definition chooses from are the contract's
// (`service-definitions.contract.ts`: `definedFieldTypes`, `servicePictograms`).

/** A text field holds at most this many characters. */
export const definedTextMax = 200;

/** Is `code` one of the built-in services (a defined service may not take it)? */
export function isBuiltInService(code: string): boolean {
  return (serviceCodes as readonly string[]).includes(code);
}

/** The field's name in each language, carried by its issues so a message names the field as the organisation did. */
function labelParams(labels: DefinedLabels): Record<string, string> {
  return { label_fr: labels.fr, label_ar: labels.ar, label_en: labels.en };
}

/**
 * Checks a definition beyond its shape: a code not built in, field keys and option codes each
 * once, at most one quantity (the one reports sum and stock follows), a quantity's direction and
 * unit, a choice's options, a number's bounds in order. `taken` names the codes already used by
 * the organisation's other defined services.
 */
export function checkServiceDefinition(def: Pick<ServiceDefinitionInput, 'fields'> & { code?: string }, taken: ReadonlySet<string> = new Set()): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (def.code !== undefined && (isBuiltInService(def.code) || taken.has(def.code))) issues.push({ field: 'code', code: 'taken' });
  const keys = new Set<string>();
  let quantities = 0;
  def.fields.forEach((f, i) => {
    const at = `fields.${i}.`;
    if (keys.has(f.key)) issues.push({ field: `${at}key`, code: 'taken' });
    keys.add(f.key);
    if (f.type === 'quantity') {
      quantities += 1;
      if (quantities > 1) issues.push({ field: `${at}type`, code: 'invalid_choice' });
      if (!f.direction) issues.push({ field: `${at}direction`, code: 'required' });
      if (!f.unit) issues.push({ field: `${at}unit`, code: 'required' });
      // Collected (`in`): used material, counted, destroyed, never stock to hand out again.
      if (f.direction === 'in' && f.stockItem) issues.push({ field: `${at}stockItem`, code: 'collected_no_stock', params: namedField(f, `${at}stockItem`) });
    } else {
      if (f.direction) issues.push({ field: `${at}direction`, code: 'not_applicable' });
      if (f.stockItem) issues.push({ field: `${at}stockItem`, code: 'not_applicable' });
    }
    if (f.type === 'choice') {
      if (f.options.length === 0) issues.push({ field: `${at}options`, code: 'required' });
      const codes = new Set<string>();
      f.options.forEach((o, j) => {
        if (codes.has(o.code)) issues.push({ field: `${at}options.${j}.code`, code: 'taken' });
        codes.add(o.code);
      });
    } else if (f.options.length > 0) issues.push({ field: `${at}options`, code: 'not_applicable' });
    if (f.type === 'number' && f.min !== null && f.max !== null && f.min > f.max) issues.push({ field: `${at}max`, code: 'too_small', params: { min: f.min } });
  });
  return issues;
}

/** An issue's field named by what it is and the defined field's own name (« Article de stock — Kits d’hygiène »), in each language. */
function namedField(f: Pick<DefinedField, 'labels'>, path: string): Record<string, string> {
  return Object.fromEntries(locales.map((l) => [`label_${l}`, `${fieldLabel(l, path)} — ${f.labels[l]}`]));
}

/** A unit as written, for comparison: lower case, trimmed, without a plural `s` (« Kits » is « kit »). */
const unitWord = (s: string) => s.trim().toLocaleLowerCase().replace(/s$/, '');

/** Does a field's unit name the stock unit `unit` (its label `stock_unit.<unit>`) in one of the three languages? */
export function namesStockUnit(labels: DefinedLabels, unit: StockUnit): boolean {
  return locales.some((l) => unitWord(labels[l]) === unitWord(translate(l, `stock_unit.${unit}` as MessageKey)) || unitWord(labels[l]) === unit);
}

/**
 * Checks the stock item a quantity field names (ADR 0028): an item of the organisation (`items`:
 * core's defaults as it keeps them and its own) counted in the field's unit, so that « 3 kits »
 * never takes 3 boxes. Issues are at `fields.<i>.stockItem` / `fields.<i>.unit`, named by the
 * list's label and the field's own name (« Article de stock — Kits d’hygiène »).
 */
export function checkDefinedStockItems(fields: readonly Pick<DefinedField, 'type' | 'direction' | 'labels' | 'unit' | 'stockItem'>[], items: ReadonlyArray<{ code: string; unit: StockUnit }>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  fields.forEach((f, i) => {
    // A collected quantity takes no item (`checkServiceDefinition` says so).
    if (f.type !== 'quantity' || f.direction !== 'out' || !f.stockItem) return;
    const named = (path: string) => namedField(f, path);
    const item = items.find((it) => it.code === f.stockItem);
    if (!item) {
      issues.push({ field: `fields.${i}.stockItem`, code: 'unknown_reference', params: { value: f.stockItem, ...named(`fields.${i}.stockItem`) } });
    } else if (f.unit && !namesStockUnit(f.unit, item.unit)) {
      issues.push({ field: `fields.${i}.unit`, code: 'unit_mismatch', params: { value: f.stockItem, stockUnit: item.unit, ...named(`fields.${i}.unit`) } });
    }
  });
  return issues;
}

/**
 * Checks the values a record gives a defined service's fields: each key a field of the
 * definition, required fields present, each value of its field's type and within its bounds or
 * options. Issues are at `<at>fields.<key>` and carry the field's labels (`label_fr`…).
 */
export function checkDefinedValues(fields: readonly DefinedField[], values: Readonly<Record<string, unknown>> | null, at: string): FieldIssue[] {
  const given = values ?? {};
  const issues: FieldIssue[] = [];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(given)) if (!byKey.has(key)) issues.push({ field: `${at}fields.${key}`, code: 'unknown_field' });
  for (const f of fields) {
    const value = given[f.key];
    const issue = (code: FieldIssue['code'], params: Record<string, string | number> = {}) =>
      issues.push({ field: `${at}fields.${f.key}`, code, params: { ...params, ...labelParams(f.labels) } });
    if (value === null || value === undefined || value === '') {
      if (f.required) issue('required');
      continue;
    }
    switch (f.type) {
      case 'quantity':
        if (typeof value !== 'number' || !Number.isInteger(value)) issue('invalid_type');
        else if (value < 1) issue('too_small', { min: 1 });
        else if (value > 100_000) issue('too_big', { max: 100_000 });
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) issue('invalid_type');
        else if (f.min !== null && value < f.min) issue('too_small', { min: f.min });
        else if (f.max !== null && value > f.max) issue('too_big', { max: f.max });
        break;
      case 'choice':
        if (typeof value !== 'string' || !f.options.some((o) => o.code === value)) issue('invalid_choice');
        break;
      case 'yes_no':
        if (typeof value !== 'boolean') issue('invalid_type');
        break;
      case 'text':
        if (typeof value !== 'string') issue('invalid_type');
        else if (value.length > definedTextMax) issue('too_long', { max: definedTextMax });
        break;
    }
  }
  return issues;
}

/** The quantity a record of a defined service counts (its quantity field's value), or null: reports sum it like a built-in's. */
export function definedQuantity(fields: readonly DefinedField[], values: Readonly<Record<string, unknown>> | null): number | null {
  const field = fields.find((f) => f.type === 'quantity');
  const value = field && values ? values[field.key] : null;
  return typeof value === 'number' ? value : null;
}

/**
 * A defined service's values from a row of an import file: each field from the column named by
 * its key (a quantity also from the `quantity` column); empty cells are left out.
 */
export function definedValuesFromCells(fields: readonly DefinedField[], cells: Readonly<Record<string, string>>, quantity: number | null): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const f of fields) {
    const value = definedValueFromCell(f, cells[f.key] ?? '');
    if (value !== null) out[f.key] = value;
    else if (f.type === 'quantity' && quantity !== null) out[f.key] = quantity;
  }
  return out;
}

/**
 * A value as typed in a cell of an import file, turned into its field's type (`oui`/`yes`/`1`
 * for yes, a number for a quantity or number); what cannot be read is left as text, for
 * `checkDefinedValues` to refuse with the field named.
 */
export function definedValueFromCell(field: DefinedField, cell: string): string | number | boolean | null {
  const t = cell.trim();
  if (t === '') return null;
  if (field.type === 'quantity' || field.type === 'number') {
    const n = Number(t.replace(',', '.'));
    return Number.isFinite(n) ? n : t;
  }
  if (field.type === 'yes_no') {
    const v = t.toLowerCase();
    if (['yes', 'oui', '1', 'true', 'نعم'].includes(v)) return true;
    if (['no', 'non', '0', 'false', 'لا'].includes(v)) return false;
    return t;
  }
  return t;
}

/** A service entry of any service, built in or defined: its code, the built-in details and the defined fields' values. */
export interface AnyServiceFields extends ServiceDetails {
  service: string;
  registerNo: number | null;
  fields: Readonly<Record<string, unknown>> | null;
}

const builtInDetails = ['quantity', 'result', 'strategy', 'modality', 'kind', 'treated', 'platform', 'registerNo'] as const;

/**
 * Checks one service entry, built in (core `checkServiceEntry`) or defined by the organisation:
 * a defined service of the entry's program (a retired one is hidden from entry, still accepted:
 * a record made offline before), no built-in detail, and its fields' values
 * (`checkDefinedValues`). `at` prefixes the field paths (e.g. `services.2.`).
 */
export function checkAnyServiceEntry(
  entry: AnyServiceFields,
  program: string,
  settings: ProgramServiceSettings | undefined,
  defined: ReadonlyMap<string, Pick<DefinedService, 'program' | 'fields'>>,
  at: string,
): FieldIssue[] {
  if (isBuiltInService(entry.service)) {
    const issues = checkServiceEntry(entry as ServiceFields, settings, at);
    if (entry.fields !== null && Object.keys(entry.fields).length > 0) issues.push({ field: `${at}fields`, code: 'not_applicable' });
    return issues;
  }
  const def = defined.get(entry.service);
  if (!def || def.program !== program) return [{ field: `${at}service`, code: 'invalid_choice' }];
  const issues: FieldIssue[] = builtInDetails.filter((d) => entry[d] !== null && entry[d] !== undefined).map((d) => ({ field: `${at}${d}`, code: 'not_applicable' }));
  return [...issues, ...checkDefinedValues(def.fields, entry.fields, at)];
}
