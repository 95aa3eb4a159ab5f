import { z } from 'zod';
import { Id, text } from './common.ts';
import { programCodes } from '../domain/programs.ts';

/** The kinds of field a defined service may have (ADR 0028). */
export const definedFieldTypes = ['quantity', 'choice', 'yes_no', 'number', 'text'] as const;
export type DefinedFieldType = (typeof definedFieldTypes)[number];

/** The pictograms a defined service may show (drawn by the web app, `service-pictogram.tsx`). */
export const servicePictograms = ['shower', 'drop', 'box', 'pill', 'food', 'shirt', 'chat', 'heart', 'bed', 'star'] as const;
export type ServicePictogram = (typeof servicePictograms)[number];

/** A code an organisation gives: a lower-case letter then lower-case letters, digits or `_` (a service, a field, an option). */
export const DefinedCode = text().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'format:service_code' });

/** A name in each language of the interface. */
export const DefinedLabels = z.object({
  fr: text().trim().min(1).max(80),
  ar: text().trim().min(1).max(80),
  en: text().trim().min(1).max(80),
});
export type DefinedLabels = z.infer<typeof DefinedLabels>;

/** One field of a service an organisation defines; `type` says which of the other members apply. */
export const DefinedField = z.object({
  key: DefinedCode,
  type: z.enum(definedFieldTypes),
  labels: DefinedLabels,
  required: z.boolean().default(false),
  /** quantity: handed out (`out`) or collected (`in`), counted in `unit`, taken from the stock item `stockItem`. */
  direction: z.enum(['out', 'in']).nullable().default(null),
  unit: DefinedLabels.nullable().default(null),
  stockItem: DefinedCode.nullable().default(null),
  /** choice: the options the worker picks from. */
  options: z.array(z.object({ code: DefinedCode, labels: DefinedLabels })).max(20).default([]),
  /** number: its bounds. */
  min: z.number().min(-1_000_000).max(1_000_000).nullable().default(null),
  max: z.number().min(-1_000_000).max(1_000_000).nullable().default(null),
});
export type DefinedField = z.infer<typeof DefinedField>;

/** POST /programs/:code/services: a service the organisation defines for one of its programs. */
export const ServiceDefinitionInput = z.object({
  code: DefinedCode,
  labels: DefinedLabels,
  pictogram: z.enum(servicePictograms),
  fields: z.array(DefinedField).max(12).default([]),
});
export type ServiceDefinitionInput = z.infer<typeof ServiceDefinitionInput>;

/** PUT /programs/:code/services/:service: a new version of the definition; `retired` hides it from entry. */
export const ServiceDefinitionUpdate = ServiceDefinitionInput.omit({ code: true }).extend({ retired: z.boolean().default(false) });
export type ServiceDefinitionUpdate = z.infer<typeof ServiceDefinitionUpdate>;

/** A defined service as it stands (its latest version). Records keep the version they were saved with. */
export const DefinedService = ServiceDefinitionInput.extend({
  program: text(),
  version: z.number().int().min(1),
  retired: z.boolean(),
  updatedAt: text(),
  updatedBy: Id.nullable(),
});
export type DefinedService = z.infer<typeof DefinedService>;
export const DefinedServiceList = z.object({ items: z.array(DefinedService) });
export const ProgramServiceParams = z.object({ code: z.enum(programCodes) });
export const ProgramDefinedServiceParams = z.object({ code: z.enum(programCodes), service: text().min(1).max(40) });

/** The values of a defined service's fields, by field key (a record's own, kept as they were saved). */
export const DefinedFieldValues = z.record(text().max(40), z.union([z.number(), z.boolean(), text().max(500)]));
