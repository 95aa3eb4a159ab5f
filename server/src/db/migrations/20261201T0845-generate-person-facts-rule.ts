import { sql, type Kysely } from 'kysely';
import { writePersonFactsFunction } from '../../modules/reports/index.ts';

// The person facts' rule SQL, one source (issue 12): 20261130T0200 and 20261130T0500 each wrote
// their own copy of which services qualify for a slot, beside the report engine's. The function
// is now generated from the service-filter compiler the engine uses (modules/reports), and this
// migration installs it. The text it installs means what 20261130T0500's did, clause by clause,
// so the facts stay as they are (no rebuild). A later change of the generated text shows in a
// snapshot test and needs its own migration that installs it again and rebuilds the facts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`${sql.raw(writePersonFactsFunction())}`.execute(db);
}

// No down: the function 20261130T0500 wrote means the same; going further down drops it there.
export async function down(): Promise<void> {}
