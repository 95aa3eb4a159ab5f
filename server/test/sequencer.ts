import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take minutes, longest first (figures of a CI run on 2 cores). A fresh clone has
 * no vitest cache of durations, so vitest would order by file size: a long file drawn late keeps
 * one worker busy after the other has finished. Started first, each long file gets a worker and
 * the short ones fill in around them.
 */
const slowFirst = [
  'server/src/cli.db.test.ts',
  'server/src/modules/reports/report-facts.db.test.ts',
  'server/test/probes/authorisation-matrix.db.test.ts',
  'server/src/db/pglite.embedded.test.ts',
  'server/src/modules/imports/import-crash.db.test.ts',
];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = slowFirst.findIndex((name) => f.moduleId.endsWith(name));
      return i < 0 ? slowFirst.length : i;
    };
    const sorted = await super.sort(files);
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}
