import { DefinedService, programCodes, serviceCodes, type ProgramCode, type ProgramServiceSettings, type ServiceCode, type ServiceDefinition } from '@relais/core';
import { rememberDefinedServices } from './defined-services.ts';

/**
 * GET /catalogue (core contract `ServiceCatalogue`) read tolerantly: a service or program code
 * this version of the app does not know (a newer server) is left out instead of failing the screen.
 */
export interface CatalogueService extends ServiceDefinition {
  code: ServiceCode;
}
export interface CatalogueProgram extends ProgramServiceSettings {
  code: ProgramCode;
}
export interface Catalogue {
  services: CatalogueService[];
  /** The organisation's enabled programs, in catalogue order. */
  programs: CatalogueProgram[];
  /** The services the organisation defined itself (ADR 0028), retired ones included. */
  definedServices: DefinedService[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isServiceCode = (v: unknown): v is ServiceCode => typeof v === 'string' && (serviceCodes as readonly string[]).includes(v);
const isProgramCode = (v: unknown): v is ProgramCode => typeof v === 'string' && (programCodes as readonly string[]).includes(v);

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

function serviceList(v: unknown, what: string): ServiceCode[] {
  if (!Array.isArray(v)) throw new Error(`catalogue: ${what} is not a list`);
  // A code this version does not know (newer server) is left out rather than failing the screen.
  return v.filter(isServiceCode);
}

/** Reach and paquet minimum: built-in codes or services the organisation defined (ADR 0028), kept as given. */
function codeList(v: unknown, what: string): string[] {
  const list = stringList(v);
  if (!list) throw new Error(`catalogue: ${what} is not a list`);
  return list;
}

function parseService(raw: unknown): CatalogueService | null {
  if (!isRecord(raw) || !isServiceCode(raw.code)) return null;
  const out: CatalogueService = { code: raw.code };
  if (raw.quantity === 'out' || raw.quantity === 'in') out.quantity = raw.quantity;
  const lists = ['result', 'strategy', 'modality', 'kind'] as const;
  for (const key of lists) {
    const list = stringList(raw[key]);
    if (list) out[key] = list;
  }
  if (raw.treated === true) out.treated = true;
  return out;
}

/** Parses the catalogue answer; throws when its shape is not the expected one. */
export function parseCatalogue(data: unknown): Catalogue {
  if (!isRecord(data) || !Array.isArray(data.services) || !Array.isArray(data.programs)) throw new Error('catalogue: unexpected shape');
  const services = data.services.map(parseService).filter((s): s is CatalogueService => s !== null);
  const programs: CatalogueProgram[] = [];
  for (const raw of data.programs) {
    if (!isRecord(raw) || !isProgramCode(raw.code)) continue;
    programs.push(programOf(raw, raw.code));
  }
  // A defined service this version cannot read (a newer server) is left out too.
  const raw = Array.isArray(data.definedServices) ? data.definedServices : [];
  const definedServices = raw.flatMap((d) => {
    const parsed = DefinedService.safeParse(d);
    return parsed.success ? [parsed.data] : [];
  });
  rememberDefinedServices(definedServices);
  return { services, programs, definedServices };
}

function programOf(raw: Record<string, unknown>, code: ProgramCode): CatalogueProgram {
  return {
    code,
    services: serviceList(raw.services, 'services'),
    reach: codeList(raw.reach, 'reach'),
    paquetMinimum: codeList(raw.paquetMinimum, 'paquetMinimum'),
  };
}

/** Parses the answer of PUT /catalogue/programs/:code (a program's saved settings); throws on another shape. */
export function parseCatalogueProgram(data: unknown): CatalogueProgram {
  if (!isRecord(data) || !isProgramCode(data.code)) throw new Error('catalogue program: unexpected shape');
  return programOf(data, data.code);
}
