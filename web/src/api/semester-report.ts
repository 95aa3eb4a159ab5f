import { SemesterReport, type SemesterReportQuery } from '@relais/core';
import { request, requestFile } from './client.ts';

/** The query of a semester report as the URL carries it (no unit: every unit the user reads). */
function queryOf(q: SemesterReportQuery) {
  return { program: q.program, period: q.period, orgUnitId: q.orgUnitId ?? null };
}

/** The semester report of a program (its figures, survivors by clinic, the violence typology) on a unit and all under it. */
export const semesterReport = (q: SemesterReportQuery) => request('GET', '/reports/semester', SemesterReport, { query: queryOf(q) });

/** The same report as an XLSX file laid out as the screen, in the user's language. */
export const exportSemesterReport = (q: SemesterReportQuery) =>
  requestFile('GET', '/reports/semester.xlsx', `relais-semester-${q.program}-${q.period}.xlsx`, { query: queryOf(q) });
