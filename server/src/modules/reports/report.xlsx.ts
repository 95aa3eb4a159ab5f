import ExcelJS from 'exceljs';

/** A report as a real spreadsheet: a header row, numbers as numbers. */
export async function reportWorkbook(columns: string[], rows: Record<string, unknown>[], sheetName = 'report'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Relais';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => (r[c] === null || r[c] === undefined ? null : (r[c] as string | number))));
  sheet.columns.forEach((col) => {
    col.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
