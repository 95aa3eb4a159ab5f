import { z } from 'zod';
import { Id, text } from './common.ts';
import { programCodes } from '../domain/programs.ts';
import { SelectedStory } from './stories.contract.ts';

/** The semester report of a program (`GET /reports/semester`, and its `.xlsx`). */
export const SemesterReportQuery = z.object({
  program: z.enum(programCodes),
  /** A semester, `2024-S1` or `2024-S2`. */
  period: text().trim().regex(/^\d{4}-S[12]$/, { message: 'format:period' }),
  /** The unit reported on, with all the units under it; absent = every unit the user reads reports of. */
  orgUnitId: Id.optional(),
});
export type SemesterReportQuery = z.infer<typeof SemesterReportQuery>;

const Share = z.object({ count: z.number(), share: z.number() });

/** The report as the donor receives it: one number per figure (0 when nothing was counted), care by clinic, the typology. */
export const SemesterReport = z.object({
  /** The organisation's name (the head of the printed report). */
  organisation: text().nullable(),
  program: z.enum(programCodes),
  period: text(),
  /** First and last day of the semester (`YYYY-MM-DD`). */
  from: text(),
  to: text(),
  unit: z.object({ id: Id, code: text(), name: text() }).nullable(),
  /** Each figure of the sections by indicator code, 0 when nothing was counted; rates as fractions 0–1, null over nobody (no case open at the start). */
  figures: z.record(text(), z.number().nullable()),
  /** Survivors cared for at each unit services are given at (the clinics), the largest first. */
  clinics: z.array(z.object({ code: text(), name: text(), value: z.number() })),
  /** Cases opened in the semester by violence family and type, with shares of their total. */
  typology: z.object({
    total: z.number(),
    families: z.array(Share.extend({ family: text(), types: z.array(Share.extend({ type: text() })) })),
  }),
  /** The most significant change stories chosen in the semester's rounds, anonymised, whose consent to the donor report holds today. */
  stories: z.array(SelectedStory),
  /** The program's report facts are being rebuilt: exact, slower. */
  factsBuilding: z.boolean(),
});
export type SemesterReport = z.infer<typeof SemesterReport>;
