import { z } from 'zod';
import { text } from './common.ts';

/** What a file can import (docs/exchange-format.md). */
export const importKinds = ['org-units', 'beneficiaries', 'services', 'targets', 'cases', 'insertion'] as const;
export type ImportKind = (typeof importKinds)[number];

/** The largest file the server accepts for an import. */
export const importMaxBytes = 64 * 1024 * 1024;

export const ImportQuery = z.object({ kind: z.enum(importKinds), dryRun: z.enum(['true', 'false']).default('false') });

/** One rejected cell: the line in the file, the column, a validation code and the message in the user's language. */
export const ImportError = z.object({ line: z.number().int(), column: text(), code: text(), message: text() });
export type ImportError = z.infer<typeof ImportError>;

/** The answer of an import: counts, and every rejected cell (then nothing was written). */
export const ImportReport = z.object({
  kind: z.enum(importKinds),
  dryRun: z.boolean(),
  /** Data rows read (the header excluded). */
  rows: z.number().int(),
  /** Records created (or, on a dry run, that would be). */
  created: z.number().int(),
  /** Rows already there, left as they are. */
  unchanged: z.number().int(),
  /** Was the file written? False on a dry run and whenever there are errors. */
  applied: z.boolean(),
  errors: z.array(ImportError),
});
export type ImportReport = z.infer<typeof ImportReport>;
