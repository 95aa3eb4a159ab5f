// The imports module's public face.
export { createImportService, importKinds, importColumns, type ImportKind, type ImportReport, type ImportService, type RowIssue } from './import.service.ts';
export { registerImportRoutes, presentReport, readTable } from './imports.routes.ts';
export { parseCsv, parseXlsx, FileFormatError, type Table } from './parse.ts';
