import { ImportReport } from '@relais/core';

export { importKinds, importMaxBytes, type ImportError, type ImportKind, type ImportReport } from '@relais/core';

/** Parses the answer of POST /imports with its core contract; throws when its shape is not the expected one. */
export function parseImportReport(data: unknown): ImportReport {
  return ImportReport.parse(data);
}
