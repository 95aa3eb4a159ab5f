/**
 * Hostile input (issue 18, item 7; ADR 0030): malformed variants of a request, generated with
 * fast-check from a valid-looking sample of its schema. A variant is a valid body with one field
 * (or the whole body, or a path id) replaced by something hostile, or with fields added.
 */
import fc from 'fast-check';

/** What an attacker or a broken client sends instead of a field's value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  // wrong types
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom([], {}, [[]], [{}], ''),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  // out of bounds
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, 0.5, 1e-308, Number.MAX_SAFE_INTEGER),
  // huge strings, NUL, lone surrogates, control and bidi characters
  fc.constantFrom('x'.repeat(100_000), 'é'.repeat(20_000), 'a\u0000b', '\u0000', '\uD800', 'x\uDC00y', '\uFEFF', '\u202Eevil', '\r\n\t', ' '),
  fc.string({ unit: 'binary', maxLength: 40 }),
  // formulas, injections
  fc.constantFrom("=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(1+1)', "'; drop table beneficiary; --", '<script>alert(1)</script>', '../../etc/passwd', '%00', '${7*7}', '{{7*7}}'),
  // dates and ids that look right and are not
  fc.constantFrom('2024-02-30', '0000-00-00', '9999-12-31', '2024-13-01T25:61', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'NaN', 'Infinity'),
  // deep nesting and prototype keys
  fc.integer({ min: 50, max: 3000 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown),
  fc.constantFrom(
    JSON.parse('{"__proto__":{"isAdmin":true,"polluted":true}}') as unknown,
    JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown,
    JSON.parse('{"__proto__":null}') as unknown,
  ),
);

/** Keys an attacker adds to an object. */
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'organisationId', 'organisation_id', 'id', 'role', 'isAdmin', 'createdBy', 'deletedAt', 'unknown_field', 'x'.repeat(5000));

/** Every path to a value inside `value` (object keys and array indexes), the root included. */
function pathsOf(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (prefix.length > 6) return out;
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** `value` with the thing at `path` replaced (a copy; JSON round trip keeps `__proto__` keys as own keys). */
function replaced(value: unknown, path: Array<string | number>, by: unknown): unknown {
  if (!path.length) return by;
  const copy = JSON.parse(JSON.stringify(value)) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  defineOwn(node, path[path.length - 1]!, by);
  return copy;
}

/** Sets a property as an own data property (even `__proto__`, which a plain assignment would not). */
function defineOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `value` with a key added to the object at `path` (or to the root when it is not an object). */
function added(value: unknown, path: Array<string | number>, key: string, by: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value ?? {})) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path) {
    const next = node[step];
    if (!next || typeof next !== 'object' || Array.isArray(next)) break;
    node = next as Record<string | number, unknown>;
  }
  defineOwn(node, key, by);
  return copy;
}

export interface Variant {
  body: unknown;
  /** A path id replaced (index of the `{param}` in the path), with what. */
  pathId?: string;
  what: string;
}

/** Malformed variants of a request whose valid-looking body is `sample` (null: no body). */
export function variantsOf(sample: unknown, hasPathIds: boolean): fc.Arbitrary<Variant> {
  const paths = pathsOf(sample);
  const choices: Array<fc.Arbitrary<Variant>> = [
    fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, by]) => ({ body: replaced(sample ?? {}, path, by), what: `${path.join('.') || 'body'} replaced` })),
    fc.tuple(fc.constantFrom(...paths), hostileKey, hostileValue).map(([path, key, by]) => ({ body: added(sample, path, key, by), what: `${key} added at ${path.join('.') || 'body'}` })),
  ];
  if (hasPathIds) {
    const ids = fc.constantFrom('0', '-1', 'null', '..', '%2e%2e%2f', 'x'.repeat(2000), '00000000-0000-0000-0000-000000000000', "1' or '1'='1", '%00', '%F0%9F%92%A9', '%ED%A0%80', 'constructor', '__proto__');
    choices.push(ids.map((id) => ({ body: sample, pathId: id, what: `path id ${id.slice(0, 20)}` })));
  }
  return fc.oneof(...choices);
}
