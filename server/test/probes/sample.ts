/**
 * A valid-looking value of a request schema (the JSON Schema of the OpenAPI document, generated
 * from the core contracts): what the authorisation matrix sends, and what the hostile suite starts
 * from and breaks. Fields that name a thing (`orgUnitId`, `beneficiaryId`, `caseId`…) take the id
 * of that thing where the request is aimed (`Refs`); other fields take the simplest value their
 * schema accepts. Deterministic: the same schema gives the same value.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
};

/** The ids a request is aimed at, by the name of the field (or parameter) that carries them. */
export type Refs = Record<string, unknown>;

const today = () => new Date().toISOString().slice(0, 10);
/** A moment surely past in any time zone (reception times may not be in the future). */
const past = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

/** A value of the schema; `name` is the field's name, looked up in `refs` first. */
export function sampleOf(schema: JsonSchema | undefined, refs: Refs, name = '', depth = 0): unknown {
  if (name && name in refs) return refs[name];
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const chosen = alternatives.find((s) => s.type !== 'null') ?? alternatives[0];
    return sampleOf(chosen, refs, name, depth + 1);
  }
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s, refs, name, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleOf(schema.properties?.[key], refs, key, depth + 1);
      // Optional fields that name a thing are sent too: they are what a scope is about.
      for (const key of Object.keys(schema.properties ?? {})) {
        const rivals = exclusive.find((group) => group.includes(key)) ?? [];
        if (!(key in out) && key in refs && !rivals.some((r) => r in out)) out[key] = refs[key];
      }
      return out;
    }
    case 'array': {
      const n = Math.max(schema.minItems ?? 0, name && `${name}[]` in refs ? 1 : 0);
      if (schema.prefixItems) return schema.prefixItems.map((s) => sampleOf(s, refs, '', depth + 1));
      return Array.from({ length: n }, () => sampleOf(schema.items, refs, `${name}[]`, depth + 1));
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : Math.min(1, schema.maximum ?? 1));
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      return stringOf(schema);
    default:
      return null;
  }
}

/** Fields of which a request takes one (a focal point belongs to a service or an organisation; a circuit's step leads to a service or a type). */
const exclusive = [
  ['serviceId', 'serviceType', 'organizationId', 'locationId'],
];

function stringOf(schema: JsonSchema): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date') return today();
  if (schema.format === 'date-time') return `${past()}T08:00:00Z`;
  if (schema.format === 'email') return 'probe@example.org';
  if (schema.format === 'uri') return 'https://example.org/';
  if (schema.pattern) {
    const known = knownPatterns.find(([re]) => re.test(schema.pattern!));
    if (known) return known[1]();
    const [value] = fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { seed: 1, numRuns: 1 });
    return value!;
  }
  const min = Math.max(schema.minLength ?? 0, 3);
  return 'probe'.padEnd(min, 'x').slice(0, Math.max(min, Math.min(5, schema.maxLength ?? 5)));
}

/** Patterns whose simplest match fast-check would not find readable (dates, times, periods). */
const knownPatterns: Array<[RegExp, () => string]> = [
  [/T\(\?:\(\?:\[01\]/, () => `${past()}T08:00:00Z`],
  [/T\(\[01\]\\d\|2\[0-3\]\):\[0-5\]\\d\$$/, () => `${past()}T08:00`],
  [/T\(\[01\]\\d\|2\[0-3\]\):\[0-5\]\\d\)\?\$$/, () => `${past()}T08:00`],
  [/-02-29/, today],
  [/^\^\(\[01\]\\d\|2\[0-3\]\):\[0-5\]\\d\$$/, () => '09:00'],
  [/-S\[12\]/, () => `${today().slice(0, 4)}-S1`],
  [/\(0\[1-9\]\|1\[0-2\]\)\$$/, () => today().slice(0, 7)],
  [/^\^\[A-Z\]\{2\}\$$/, () => 'MA'],
];
