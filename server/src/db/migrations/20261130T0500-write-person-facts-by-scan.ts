import { sql, type Kysely } from 'kysely';
import { REFRESH_PERSON_FACTS_BY_KEY } from './20261130T0200-create-report-facts.ts';
import { writePersonFactsFunction } from '../../modules/reports/index.ts';

// ADR 0010, the rebuild's cost: the person facts were recomputed key by key (person × unit ×
// program × year), each key reaching its services through the person index. A rebuild of
// 10 million services took ten minutes on PostgreSQL and did not finish in fifty on PGlite.
// One function now writes the facts from the services, either of given persons × units
// (the commit-time refresh), of a range of persons (a rebuild in the background, chunk by
// chunk) or of whole programs (a rebuild at once: one scan, one aggregation), so every path
// shares the rules' SQL.
//
// report_rule.ready: false while the facts of a program's new rules are being built in the
// background; reports read the services for those slots meanwhile.
//
// The refresh also takes report_rule in SHARE mode first: a change of rules and a
// commit-time refresh take turns, so a refresh never writes facts by rules that another
// transaction is replacing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table report_rule add column ready boolean not null default true;

    -- relais_write_person_facts: writes the person facts of organisation o from its live services,
    -- of programs, a year, persons × units or a range of persons. Its text is generated from the
    -- service-filter compiler, the one source of the rules' SQL (issue 12): this migration and
    -- 20261201T0845 install the same text, which means what this migration first wrote here.
    ${sql.raw(writePersonFactsFunction())}

    -- Recomputes the person facts of the given keys (organisation, person, program, unit, year)
    -- from the live services. The persons are locked first (in id order), so two
    -- transactions touching one person take turns and the second sees the first's services.
    create or replace function relais_refresh_person_facts(ko uuid[], kb uuid[], kp text[], ku uuid[], ky integer[]) returns void
    language plpgsql as $fn$
    declare
      g record;
    begin
      lock table report_rule in share mode;
      perform 1 from beneficiary b
        where (b.organisation_id, b.id) in (select distinct k.o, k.b from unnest(ko, kb) as k(o, b))
        order by b.organisation_id, b.id for no key update;
      delete from report_person_fact f
        using unnest(ko, kb, kp, ku, ky) as k(o, b, p, u, y)
        where f.organisation_id = k.o and f.beneficiary_id = k.b and f.year = k.y and f.program = k.p and f.org_unit_id = k.u;
      for g in
        select k.o, k.p, k.y, array_agg(k.b) as b, array_agg(k.u) as u
        from (select distinct * from unnest(ko, kb, kp, ku, ky)) as k(o, b, p, u, y) group by k.o, k.p, k.y
      loop
        perform relais_write_person_facts(g.o, array[g.p], g.y, g.b, g.u, null, null);
      end loop;
    end
    $fn$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ${sql.raw(REFRESH_PERSON_FACTS_BY_KEY)}
    drop function relais_write_person_facts(uuid, text[], integer, uuid[], uuid[], uuid, uuid);
    alter table report_rule drop column ready;
  `.execute(db);
}
