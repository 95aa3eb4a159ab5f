import type ExcelJS from 'exceljs';
import { CARE_BY_CLINIC, semesterRates, semesterSections, type Locale, type SemesterReport } from '@relais/core';
import { putNumber, writeHeading } from './report-sheets.ts';
import { reportWords, type Words } from './report-words.ts';
import { newWorkbook } from '../../lib/workbook.ts';

/** The day the file is made (YYYY-MM-DD), today by default. */
export interface SemesterFileContext {
  generatedOn?: string;
}

/**
 * The semester report as one sheet laid out as the screen: the title block, then each section
 * with its figures (numbers as numbers, rates as 0.0 %), care by clinic, the violence typology
 * with its shares, the stories' place; the words in the caller's language.
 */
export async function semesterWorkbook(report: SemesterReport, locale: Locale, ctx: SemesterFileContext = {}) {
  const words = reportWords(locale, {});
  const { t } = words;
  const workbook = await newWorkbook();
  workbook.creator = 'Relais';
  const sheet = workbook.addWorksheet(t('semester.title', 'semester').slice(0, 31));
  let at = writeHead(sheet, report, words, ctx);

  const section = (key: string) => {
    at += 1;
    const cell = sheet.getCell(at, 1);
    cell.value = t(key, key);
    cell.font = { bold: true, size: 12 };
    sheet.getCell(at, 1).border = { bottom: { style: 'thin' } };
    at += 1;
  };
  const line = (label: string, value: number | null, options: { percent?: boolean; indent?: number; bold?: boolean } = {}) => {
    const row = sheet.getRow(at);
    row.getCell(1).value = label;
    row.getCell(1).alignment = { indent: options.indent ?? 0, wrapText: true, vertical: 'top' };
    putNumber(row.getCell(2), value, options.percent ?? false);
    // A rate over nobody: a dash, as on screen (not an empty cell, not 0 %).
    if (value === null) row.getCell(2).value = '—';
    if (options.bold) row.font = { bold: true };
    at += 1;
    return row;
  };

  for (const s of semesterSections) {
    section(`semester.section.${s.id}`);
    for (const code of s.lines) {
      line(words.indicator(code), report.figures[code] ?? (semesterRates.has(code) ? null : 0), { percent: semesterRates.has(code) });
      if (code !== CARE_BY_CLINIC) continue;
      sheet.getCell(at, 1).value = t('semester.care.byClinic', 'by clinic');
      sheet.getCell(at, 1).font = { italic: true };
      at += 1;
      if (report.clinics.length === 0) {
        sheet.getCell(at, 1).value = t('semester.care.none', '-');
        sheet.getCell(at, 1).alignment = { indent: 1 };
        at += 1;
      }
      for (const c of report.clinics) line(c.name, c.value, { indent: 1 });
    }
  }

  section('semester.section.typology');
  const head = sheet.getRow(at);
  [t('semester.typology.violence', 'violence'), t('semester.typology.cases', 'cases'), t('semester.typology.share', 'share')].forEach((text, i) => {
    head.getCell(i + 1).value = text;
  });
  head.font = { bold: true };
  at += 1;
  const label = (list: 'violence_family' | 'violence_type', code: string) => (code === '' ? t('report.not_recorded', '-') : t(`${list}.${code}`, code));
  for (const f of report.typology.families) {
    putNumber(line(label('violence_family', f.family), f.count, { bold: true }).getCell(3), f.share, true);
    for (const ty of f.types) putNumber(line(label('violence_type', ty.type), ty.count, { indent: 1 }).getCell(3), ty.share, true);
  }
  putNumber(line(t('semester.typology.total', 'total'), report.typology.total, { bold: true }).getCell(3), report.typology.total > 0 ? 1 : 0, true);

  section('semester.section.stories');
  if (report.stories.length === 0) sheet.getCell(at, 1).value = t('semester.stories.none', '-');
  for (const story of report.stories) {
    const domain = sheet.getCell(at, 1);
    domain.value = t(`change_domain.${story.domain}`, story.domain);
    domain.font = { bold: true };
    const text = sheet.getCell(at + 1, 1);
    text.value = story.anonymisedText;
    text.alignment = { wrapText: true, vertical: 'top' };
    // One cell across the three columns, tall enough for its lines (a sheet does not grow rows by itself).
    sheet.mergeCells(at + 1, 1, at + 1, 3);
    sheet.getRow(at + 1).height = Math.max(15, Math.ceil(story.anonymisedText.length / 85) * 15);
    at += 3;
  }

  sheet.getColumn(1).width = 62;
  sheet.getColumn(2).width = 14;
  sheet.getColumn(3).width = 10;
  sheet.views = [{ rightToLeft: locale === 'ar' }];
  sheet.pageSetup = { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  // An ASCII name: a header carries it.
  const name = `relais-semester-${report.program}-${report.period}.xlsx`;
  return { data: Buffer.from(await workbook.xlsx.writeBuffer()), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name };
}

/** Title, organisation, program, semester with its dates, unit, day made; returns the next free row. */
function writeHead(sheet: ExcelJS.Worksheet, report: SemesterReport, words: Words, ctx: SemesterFileContext): number {
  const { t } = words;
  const program = t(`program.${report.program}`, report.program);
  const lines: Array<[string, string]> = [
    ...(report.organisation ? [[t('report.file.organisation', 'organisation'), report.organisation] as [string, string]] : []),
    [t('report.dimension.program', 'program'), program],
    [t('report.period', 'period'), `${words.period(report.period)} (${t('semester.dates', '', { from: words.day(report.from), to: words.day(report.to) })})`],
    [t('semester.unit', 'unit'), report.unit ? report.unit.name : t('semester.unit.all', '-')],
    [t('report.file.generated', 'generated'), words.day(ctx.generatedOn ?? new Date().toISOString().slice(0, 10))],
  ];
  return writeHeading(sheet, `${t('semester.title', 'semester')} — ${program}`, lines);
}
