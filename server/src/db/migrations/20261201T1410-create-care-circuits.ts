import { sql, type Kysely } from 'kysely';

// Care circuits (issue 14): per territory and case type, versioned. A revision holds its ordered
// steps whole (jsonb, the shape of CircuitStepInput): a revision is never changed, a new one is
// validated instead, so the steps of a poster printed in March can always be shown again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table care_circuit (
      id uuid primary key,
      territory_id uuid not null references territory (id),
      case_type text not null,
      title_fr text not null,
      title_ar text,
      created_at timestamptz not null default now(),
      unique (territory_id, case_type)
    );
    create table care_circuit_revision (
      circuit_id uuid not null references care_circuit (id) on delete cascade,
      number int not null,
      validated_on date not null,
      validated_by text not null,
      note text,
      steps jsonb not null,
      created_by text not null,
      created_by_user uuid,
      created_at timestamptz not null default now(),
      primary key (circuit_id, number)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table care_circuit_revision; drop table care_circuit;`.execute(db);
}
