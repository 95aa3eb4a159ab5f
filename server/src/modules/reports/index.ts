// The reports module's public face.
export { createReportsService, type ReportsService } from './reports.service.ts';
export { createIndicatorsService, type IndicatorsService } from './indicators.service.ts';
export { createDhis2Service, type Dhis2Service } from './dhis2.service.ts';
export { registerReportRoutes } from './reports.routes.ts';
export { createReportEngine, type ReportEngine } from './report.engine.ts';
export { reportWorkbook } from './report.xlsx.ts';
export { createReportFactsBuilder, syncReportFacts, buildPendingFacts, rebuildReportFacts, type ReportFactsBuilder } from './report-facts.service.ts';
// The organisation's indicators (defaults and its own), inside the caller's transaction.
export { loadIndicators, type StoredIndicator } from './indicators.repository.ts';
// Targets as stored (the targets import writes them whole-or-nothing).
export { selectTargetValues, targetKey, upsertTargets, type TargetRow } from './targets.repository.ts';
// The person facts' database function as generated from the service-filter compiler (a migration installs it).
export { writePersonFactsFunction } from './person-facts.sql.ts';
// The semester report (screen data and XLSX) over the same engine.
export { createSemesterService, type SemesterService } from './semester.service.ts';
export { registerSemesterRoutes } from './semester.routes.ts';
