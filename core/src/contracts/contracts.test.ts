import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as core from '../index.ts';
import { cleanText, text } from './common.ts';
import { textFormats } from '../validation.ts';

type Def = { type: string; checks?: Array<{ _zod: { def: { check: string; format?: string; error?: (issue: unknown) => unknown } } }>; format?: string } & Record<string, unknown>;

/** Every string schema reachable from a schema, with its path. */
function stringsOf(schema: z.ZodType, path: string, seen = new Set<unknown>()): Array<{ path: string; def: Def }> {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  const sub = (s: unknown, p: string) => (s instanceof z.ZodType ? stringsOf(s, p, seen) : []);
  switch (def.type) {
    case 'string':
      return [{ path, def }];
    case 'object':
      return Object.entries((def.shape as Record<string, z.ZodType>) ?? {}).flatMap(([k, v]) => sub(v, `${path}.${k}`)).concat(sub(def.catchall, `${path}.*`));
    case 'array':
      return sub(def.element, `${path}[]`);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o, i) => sub(o, `${path}|${i}`));
    case 'record':
      return [...sub(def.keyType, `${path}{key}`), ...sub(def.valueType, `${path}{}`)];
    case 'pipe':
      return [...sub(def.in, path), ...sub(def.out, path)];
    case 'intersection':
      return [...sub(def.left, path), ...sub(def.right, path)];
    case 'tuple':
      return (def.items as z.ZodType[]).flatMap((o, i) => sub(o, `${path}[${i}]`));
    default:
      return 'innerType' in def ? sub(def.innerType, path) : [];
  }
}

const schemas = (Object.entries(core) as Array<[string, unknown]>).filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType);
const strings = schemas.flatMap(([name, s]) => stringsOf(s, name));

describe('the text type of the contracts', () => {
  it('is found in the contracts (the walk reaches their string fields)', () => {
    expect(schemas.length).toBeGreaterThan(50);
    expect(strings.length).toBeGreaterThan(100);
  });

  it('is every string field of every contract: each refuses NUL and lone surrogates, or is a built-in format', () => {
    const plain = strings.filter(({ def }) => !def.format && !(def.checks ?? []).includes(cleanText as never)).map((s) => s.path);
    expect(plain).toEqual([]);
  });

  it('names a documented format on every pattern, so the message says what is expected', () => {
    const unnamed = strings.flatMap(({ path, def }) =>
      (def.checks ?? [])
        .filter((c) => c._zod.def.format === 'regex')
        .map((c) => String(c._zod.def.error?.({}) ?? ''))
        .filter((m) => !(m.startsWith('format:') && m.slice(7) in textFormats))
        .map((m) => `${path}: ${m}`),
    );
    expect(unnamed).toEqual([]);
  });

  it('refuses NUL and lone surrogates, keeps paired ones (emoji, rare Arabic)', () => {
    const t = text();
    expect(t.safeParse('a\u0000b').success).toBe(false);
    expect(t.safeParse('a\uD800b').success).toBe(false);
    expect(t.safeParse('\uDC00').success).toBe(false);
    expect(t.safeParse('Fatima 👩🏽 فاطمة').success).toBe(true);
  });
});

describe('validation messages say what is expected', () => {
  const body = { organisation: { code: 'CASA BLANCA', name: 'x' }, admin: { username: 'a b c', displayName: 'A', password: 'long enough pw' } };

  it('carries the format and its example in the issue of a code, a username, a date, a phone', () => {
    const parsed = core.SetupRequest.safeParse(body);
    expect(parsed.success).toBe(false);
    const fields = core.fieldIssuesOf(parsed.error!.issues, body);
    expect(fields).toEqual([
      { field: 'organisation.code', code: 'invalid_format', params: { format: 'organisation_code', example: 'ASSO' } },
      { field: 'admin.username', code: 'invalid_format', params: { format: 'username', example: 'amina.ep' } },
    ]);
    expect(core.describeFieldIssue('fr', fields[0]!)).toBe(
      "Code de l'organisation : format invalide — attendu : 1 à 32 lettres sans accent ou chiffres (« _ » et « - » permis), sans espace, ex. ASSO.",
    );
    expect(core.describeFieldIssue('en', fields[1]!)).toBe('Administrator username: invalid format — expected 3 to 64 unaccented letters, digits, “.”, “_” or “-”, no spaces, e.g. amina.ep.');
    expect(core.describeFieldIssue('ar', fields[0]!)).toContain('مثال: ASSO');

    const phone = core.UpdateBeneficiary.safeParse({ phone: 'zéro six' });
    expect(core.fieldIssuesOf(phone.error!.issues, { phone: 'zéro six' })).toEqual([{ field: 'phone', code: 'invalid_format', params: { format: 'phone', example: '+212 6 00 11 22 33' } }]);
    const date = core.RecordGroupSession.safeParse({ date: '15/03/2024' });
    const dateIssue = core.fieldIssuesOf(date.error!.issues, { date: '15/03/2024' }).find((f) => f.field === 'date')!;
    expect(core.describeFieldIssue('fr', dateIssue)).toBe('Date : format invalide — attendu : une date année-mois-jour AAAA-MM-JJ, ex. 2024-03-15.');
  });

  it('says which character is refused, in each language', () => {
    const parsed = core.CreateOrgUnit.safeParse({ code: 'CASA', name: 'Casa\u0000', level: 'section', parentId: '0b5e6f0e-2c1a-4d3e-9f4b-7a8c9d0e1f2a' });
    const [issue] = core.fieldIssuesOf(parsed.error!.issues, {});
    expect(issue).toEqual({ field: 'name', code: 'invalid_characters' });
    expect(core.describeFieldIssue('fr', issue!)).toMatch(/^Nom : caractère non autorisé/);
    expect(core.describeFieldIssue('ar', issue!)).toContain('غير مسموح');
    expect(core.describeFieldIssue('en', issue!)).toContain('not allowed');
  });

  it('has the expected format of every documented format in every language', () => {
    for (const locale of core.locales) for (const f of Object.keys(textFormats)) expect(core.hasKey(`format.${f}`), `${locale} format.${f}`).toBe(true);
  });
});
