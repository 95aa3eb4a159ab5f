import { definedFieldTypes, type DefinedField, type DefinedFieldType, type DefinedService, type FieldIssue } from '@relais/core';

/** One field of a defined service as the administrator's form holds it (text inputs; options one per line). */
export interface FieldDraft {
  key: string;
  type: DefinedFieldType;
  fr: string;
  ar: string;
  en: string;
  required: boolean;
  direction: 'out' | 'in';
  unitFr: string;
  unitAr: string;
  unitEn: string;
  stockItem: string;
  /** `code ; français ; arabe ; anglais`, one option per line. */
  options: string;
  min: string;
  max: string;
}

export interface DefinitionDraft {
  code: string;
  fr: string;
  ar: string;
  en: string;
  pictogram: DefinedService['pictogram'];
  retired: boolean;
  fields: FieldDraft[];
}

export const fieldTypes = definedFieldTypes;

export function newFieldDraft(n: number): FieldDraft {
  return { key: `champ_${n}`, type: 'quantity', fr: '', ar: '', en: '', required: false, direction: 'out', unitFr: '', unitAr: '', unitEn: '', stockItem: '', options: '', min: '', max: '' };
}

export function draftOfDefinition(d: DefinedService | null): DefinitionDraft {
  if (!d) return { code: '', fr: '', ar: '', en: '', pictogram: 'star', retired: false, fields: [] };
  return {
    code: d.code,
    ...d.labels,
    pictogram: d.pictogram,
    retired: d.retired,
    fields: d.fields.map((f) => ({
      key: f.key,
      type: f.type,
      ...f.labels,
      required: f.required,
      direction: f.direction ?? 'out',
      unitFr: f.unit?.fr ?? '',
      unitAr: f.unit?.ar ?? '',
      unitEn: f.unit?.en ?? '',
      stockItem: f.stockItem ?? '',
      options: f.options.map((o) => [o.code, o.labels.fr, o.labels.ar, o.labels.en].join(' ; ')).join('\n'),
      min: f.min === null ? '' : String(f.min),
      max: f.max === null ? '' : String(f.max),
    })),
  };
}

const numberOrNull = (raw: string): number | null => (raw.trim() === '' ? null : Number(raw.replace(',', '.')));

/** The options typed one per line; a line without its four parts is an issue naming its field. */
function optionsOf(raw: string, at: string, issues: FieldIssue[]): DefinedField['options'] {
  return raw
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .flatMap((line, i) => {
      const [code = '', fr = '', ar = '', en = ''] = line.split(/[;؛]/).map((p) => p.trim());
      if (!code || !fr || !ar || !en) {
        issues.push({ field: `${at}options`, code: 'invalid_format', params: { line: i + 1 } });
        return [];
      }
      return [{ code, labels: { fr, ar, en } }];
    });
}

/** The request body of the draft (the contract checks it; `issues` gets what only the form can say). */
export function inputOfDraft(d: DefinitionDraft, issues: FieldIssue[]) {
  return {
    code: d.code.trim(),
    labels: { fr: d.fr, ar: d.ar, en: d.en },
    pictogram: d.pictogram,
    fields: d.fields.map((f, i) => ({
      key: f.key.trim(),
      type: f.type,
      labels: { fr: f.fr, ar: f.ar, en: f.en },
      required: f.required,
      direction: f.type === 'quantity' ? f.direction : null,
      unit: f.type === 'quantity' ? { fr: f.unitFr, ar: f.unitAr, en: f.unitEn } : null,
      // Only what is handed out takes from a stock (a collected quantity is used material).
      stockItem: f.type === 'quantity' && f.direction === 'out' && f.stockItem.trim() ? f.stockItem.trim() : null,
      options: f.type === 'choice' ? optionsOf(f.options, `fields.${i}.`, issues) : [],
      min: f.type === 'number' ? numberOrNull(f.min) : null,
      max: f.type === 'number' ? numberOrNull(f.max) : null,
    })),
  };
}
