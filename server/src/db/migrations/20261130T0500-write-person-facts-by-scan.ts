import { sql, type Kysely } from 'kysely';
import { REFRESH_PERSON_FACTS_BY_KEY } from './20261130T0200-create-report-facts.ts';

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

    -- Writes the person facts of organisation o from its live services: programs ps (all when
    -- null), year y (all when null), persons × units (kb, ku) or persons from b0 (included)
    -- to b1 (excluded) (all when null). The facts of that scope must have been deleted first.
    create function relais_write_person_facts(o uuid, ps text[], y integer, kb uuid[], ku uuid[], b0 uuid, b1 uuid) returns void
    language plpgsql as $fn$
    begin
      execute format($q$
        insert into report_person_fact (organisation_id, program, slot, year, org_unit_id, beneficiary_id, months, sex, birth_year)
        with s as (
          select s.organisation_id, s.program, s.org_unit_id, s.beneficiary_id, s.contact_id, s.service, s.result, s.kind, s.strategy, s.modality,
            s.site_id, s.service_date, extract(year from s.service_date)::int as y, extract(month from s.service_date)::int as m
          from %s
          where s.organisation_id = $1 and s.deleted_at is null %s %s %s %s
        ),
        hit as (
          -- A service qualifies for a slot when it matches every part of the slot's rule.
          select s.program, r.slot, s.y, s.org_unit_id, s.beneficiary_id, 1 << (s.m - 1) as bit
          from s join report_rule r on r.organisation_id = s.organisation_id and r.program = s.program and not r.full_paquet
          where (r.services is null or s.service = any(r.services))
            and (r.results is null or s.result = any(r.results))
            and (r.kinds is null or s.kind = any(r.kinds))
            and (r.strategies is null or s.strategy = any(r.strategies))
            and (r.modalities is null or s.modality = any(r.modalities))
            and (not r.at_premises or (s.site_id is null and s.service <> 'outreach_contact' and coalesce(s.strategy, 'fixed') = 'fixed'))
          union all
          -- The paquet minimum slot: a contact (its services of one date at one unit) holding every service of the program's paquet.
          select s.program, r.slot, s.y, s.org_unit_id, s.beneficiary_id, 1 << (s.m - 1)
          from s join report_rule r on r.organisation_id = s.organisation_id and r.program = s.program and r.full_paquet and s.service = any(r.services)
          group by s.program, r.slot, s.y, s.org_unit_id, s.beneficiary_id, s.contact_id, s.service_date, s.m, r.services
          having count(distinct s.service) = cardinality(r.services)
        ),
        fact as (
          select h.program, h.slot, h.y, h.org_unit_id, h.beneficiary_id, bit_or(h.bit) as months
          from hit h group by h.program, h.slot, h.y, h.org_unit_id, h.beneficiary_id
        )
        select $1, f.program, f.slot, f.y, f.org_unit_id, f.beneficiary_id, f.months, b.sex, b.birth_year
        from fact f join beneficiary b on b.organisation_id = $1 and b.id = f.beneficiary_id
      $q$,
        case when kb is null then 'service_event s'
          else '(select distinct * from unnest($4, $5)) as k(b, u) join service_event s on s.organisation_id = $1 and s.beneficiary_id = k.b and s.org_unit_id = k.u' end,
        case when ps is null then '' else 'and s.program = any($2)' end,
        case when y is null then '' else 'and s.service_date >= make_date($3, 1, 1) and s.service_date < make_date($3 + 1, 1, 1)' end,
        case when b0 is null then '' else 'and s.beneficiary_id >= $6' end,
        case when b1 is null then '' else 'and s.beneficiary_id < $7' end)
      using o, ps, y, kb, ku, b0, b1;
    end
    $fn$;

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
