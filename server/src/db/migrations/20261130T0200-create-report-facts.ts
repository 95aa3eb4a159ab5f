import { sql, type Kysely } from 'kysely';

// Live report facts (ADR 0010): two small tables kept in step with service_event
// by statement-level triggers, in the transaction of every write.
//  - report_person_fact: per person × unit × program × year and indicator slot, the
//    months (a 12-bit mask) in which she had a qualifying service. Distinct counts
//    read it instead of the services. The keys a transaction touches are recomputed
//    from the services once, when it commits (a deferred trigger).
//  - report_service_month: services and quantities per month × unit × site × worker ×
//    service × result × kind × strategy × modality. Counts and sums read it. Deltas.
// report_rule says which services qualify for which slot; the server derives it from the
// indicator definitions and the program catalogue and rebuilds the facts when it changes.

/**
 * The commit-time refresh as this migration wrote it (one key at a time through the person
 * index); 20261130T0500 replaces it and restores it on the way down.
 */
export const REFRESH_PERSON_FACTS_BY_KEY = `
-- Recomputes the person facts of the given keys (organisation, person, program, unit, year)
-- from the live services. The persons are locked first (in id order), so two
-- transactions touching one person take turns and the second sees the first's services.
create or replace function relais_refresh_person_facts(ko uuid[], kb uuid[], kp text[], ku uuid[], ky integer[]) returns void
language plpgsql as $$
begin
  perform 1 from beneficiary b
    where (b.organisation_id, b.id) in (select distinct k.o, k.b from unnest(ko, kb) as k(o, b))
    order by b.organisation_id, b.id for no key update;
  delete from report_person_fact f
    using unnest(ko, kb, kp, ku, ky) as k(o, b, p, u, y)
    where f.organisation_id = k.o and f.beneficiary_id = k.b and f.year = k.y and f.program = k.p and f.org_unit_id = k.u;
  insert into report_person_fact (organisation_id, program, slot, year, org_unit_id, beneficiary_id, months, sex, birth_year)
  with k as (select distinct * from unnest(ko, kb, kp, ku, ky) as k(o, b, p, u, y)),
  s as (
    select s.organisation_id, s.program, s.org_unit_id, s.beneficiary_id, s.contact_id, s.service, s.result, s.kind, s.strategy, s.modality, s.site_id,
      s.service_date, k.y, extract(month from s.service_date)::int as m
    from k join service_event s
      on s.organisation_id = k.o and s.beneficiary_id = k.b and s.program = k.p and s.org_unit_id = k.u
      and s.service_date >= make_date(k.y, 1, 1) and s.service_date < make_date(k.y + 1, 1, 1)
    where s.deleted_at is null
  ),
  hit as (
    -- A service qualifies for a slot when it matches every part of the slot's rule.
    select s.organisation_id, s.program, r.slot, s.y, s.org_unit_id, s.beneficiary_id, 1 << (s.m - 1) as bit
    from s join report_rule r on r.organisation_id = s.organisation_id and r.program = s.program and not r.full_paquet
    where (r.services is null or s.service = any(r.services))
      and (r.results is null or s.result = any(r.results))
      and (r.kinds is null or s.kind = any(r.kinds))
      and (r.strategies is null or s.strategy = any(r.strategies))
      and (r.modalities is null or s.modality = any(r.modalities))
      and (not r.at_premises or (s.site_id is null and s.service <> 'outreach_contact' and coalesce(s.strategy, 'fixed') = 'fixed'))
    union all
    -- The paquet minimum slot: a contact (its services of one date at one unit) holding every service of the program's paquet.
    select s.organisation_id, s.program, r.slot, s.y, s.org_unit_id, s.beneficiary_id, 1 << (s.m - 1)
    from s join report_rule r on r.organisation_id = s.organisation_id and r.program = s.program and r.full_paquet and s.service = any(r.services)
    group by s.organisation_id, s.program, r.slot, s.y, s.org_unit_id, s.beneficiary_id, s.contact_id, s.service_date, s.m, r.services
    having count(distinct s.service) = cardinality(r.services)
  )
  select h.organisation_id, h.program, h.slot, h.y, h.org_unit_id, h.beneficiary_id, bit_or(h.bit), b.sex, b.birth_year
  from hit h join beneficiary b on b.organisation_id = h.organisation_id and b.id = h.beneficiary_id
  group by h.organisation_id, h.program, h.slot, h.y, h.org_unit_id, h.beneficiary_id, b.sex, b.birth_year;
end
$$;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_rule (
      organisation_id uuid not null references organisation (id),
      slot smallint not null check (slot >= 0),
      indicator text not null,
      program text not null,
      services text[],
      results text[],
      kinds text[],
      strategies text[],
      modalities text[],
      at_premises boolean not null default false,
      full_paquet boolean not null default false,
      primary key (organisation_id, slot, program)
    );

    create table report_person_fact (
      organisation_id uuid not null,
      program text not null,
      slot smallint not null,
      year smallint not null,
      org_unit_id uuid not null,
      beneficiary_id uuid not null,
      months integer not null check (months > 0 and months < 4096),
      sex text not null,
      birth_year integer,
      primary key (organisation_id, program, slot, year, org_unit_id, beneficiary_id)
    );
    create index report_person_fact_person_idx on report_person_fact (organisation_id, beneficiary_id, year);

    create table report_service_month (
      organisation_id uuid not null,
      -- The key has nullable parts (site, result…): a surrogate holds the primary key, the unique index below the key.
      id bigint generated by default as identity,
      program text not null,
      month date not null,
      org_unit_id uuid not null,
      site_id uuid,
      worker_id uuid not null,
      service text not null,
      result text,
      kind text,
      strategy text,
      modality text,
      services bigint not null,
      quantity bigint not null,
      primary key (organisation_id, id)
    );
    create unique index report_service_month_key on report_service_month
      (organisation_id, program, month, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality) nulls not distinct;

    -- Keys touched by the current transaction, recomputed once when it commits (a deferred
    -- trigger on the marker row): a bulk import in many statements reads each key once.
    create table report_pending_key (
      organisation_id uuid not null,
      txid bigint not null,
      beneficiary_id uuid not null,
      program text not null,
      org_unit_id uuid not null,
      year integer not null,
      primary key (organisation_id, txid, beneficiary_id, program, org_unit_id, year)
    );
    create table report_pending (
      organisation_id uuid not null,
      txid bigint not null,
      primary key (organisation_id, txid)
    );

    ${sql.raw(REFRESH_PERSON_FACTS_BY_KEY)}

    -- The roll-up takes deltas (services leaving, then services arriving); the keys
    -- touched wait for the commit, when their person facts are recomputed.
    create function relais_service_event_report() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        insert into report_service_month as t (organisation_id, program, month, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality, services, quantity)
        select organisation_id, program, date_trunc('month', service_date)::date, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality,
          -count(*), -coalesce(sum(quantity), 0)
        from old_rows where deleted_at is null
        group by organisation_id, program, date_trunc('month', service_date)::date, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality
        on conflict (organisation_id, program, month, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality)
        do update set services = t.services + excluded.services, quantity = t.quantity + excluded.quantity;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into report_service_month as t (organisation_id, program, month, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality, services, quantity)
        select organisation_id, program, date_trunc('month', service_date)::date, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality,
          count(*), coalesce(sum(quantity), 0)
        from new_rows where deleted_at is null
        group by organisation_id, program, date_trunc('month', service_date)::date, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality
        on conflict (organisation_id, program, month, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality)
        do update set services = t.services + excluded.services, quantity = t.quantity + excluded.quantity;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then
        delete from report_service_month t
          using (select distinct organisation_id, program, date_trunc('month', service_date)::date, org_unit_id from old_rows) as k(o, p, m, u)
          where t.organisation_id = k.o and t.program = k.p and t.month = k.m and t.org_unit_id = k.u and t.services = 0 and t.quantity = 0;
        insert into report_pending_key (organisation_id, txid, beneficiary_id, program, org_unit_id, year)
        select distinct organisation_id, txid_current(), beneficiary_id, program, org_unit_id, extract(year from service_date)::int from old_rows
        on conflict do nothing;
        insert into report_pending (organisation_id, txid) select distinct organisation_id, txid_current() from old_rows on conflict do nothing;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into report_pending_key (organisation_id, txid, beneficiary_id, program, org_unit_id, year)
        select distinct organisation_id, txid_current(), beneficiary_id, program, org_unit_id, extract(year from service_date)::int from new_rows
        on conflict do nothing;
        insert into report_pending (organisation_id, txid) select distinct organisation_id, txid_current() from new_rows on conflict do nothing;
      end if;
      return null;
    end
    $$;

    create trigger service_event_report_insert after insert on service_event
      referencing new table as new_rows for each statement execute function relais_service_event_report();
    create trigger service_event_report_update after update on service_event
      referencing old table as old_rows new table as new_rows for each statement execute function relais_service_event_report();
    create trigger service_event_report_delete after delete on service_event
      referencing old table as old_rows for each statement execute function relais_service_event_report();

    -- At commit: the keys the transaction touched, recomputed in one pass.
    create function relais_flush_report_pending() returns trigger language plpgsql as $$
    begin
      perform relais_refresh_person_facts(array_agg(k.organisation_id), array_agg(k.beneficiary_id), array_agg(k.program), array_agg(k.org_unit_id), array_agg(k.year))
      from report_pending_key k where k.organisation_id = new.organisation_id and k.txid = new.txid;
      delete from report_pending_key where organisation_id = new.organisation_id and txid = new.txid;
      delete from report_pending where organisation_id = new.organisation_id and txid = new.txid;
      return null;
    end
    $$;
    create constraint trigger report_pending_flush after insert on report_pending
      deferrable initially deferred for each row execute function relais_flush_report_pending();

    -- A person's sex and birth year are copied into her facts (reports break down by them).
    create function relais_beneficiary_report() returns trigger language plpgsql as $$
    begin
      update report_person_fact set sex = new.sex, birth_year = new.birth_year
      where organisation_id = new.organisation_id and beneficiary_id = new.id;
      return null;
    end
    $$;
    create trigger beneficiary_report after update of sex, birth_year on beneficiary for each row
      when (old.sex is distinct from new.sex or old.birth_year is distinct from new.birth_year)
      execute function relais_beneficiary_report();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger beneficiary_report on beneficiary;
    drop function relais_beneficiary_report();
    drop trigger service_event_report_insert on service_event;
    drop trigger service_event_report_update on service_event;
    drop trigger service_event_report_delete on service_event;
    drop function relais_service_event_report();
    drop trigger report_pending_flush on report_pending;
    drop function relais_flush_report_pending();
    drop table report_pending;
    drop table report_pending_key;
    drop function relais_refresh_person_facts(uuid[], uuid[], text[], uuid[], integer[]);
    drop table report_service_month;
    drop table report_person_fact;
    drop table report_rule;
  `.execute(db);
}
