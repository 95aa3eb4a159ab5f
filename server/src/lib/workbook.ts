import type ExcelJS from 'exceljs';

/**
 * A new, empty workbook. ExcelJS and its many dependencies take about a second to load: loaded
 * on the first file read or written, not at every start of the server, of a command or of a test.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}
