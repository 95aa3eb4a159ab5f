-- persons_full_paquet by population
-- parameters: ["00000000-0000-4000-8000-00000000000a","prev_ps","2024-01-01","2024-12-31","00000000-0000-4000-8000-00000000000a","prev_ps","2024-01-01","2024-12-31",["outreach_contact","condoms","iec_session"],3]
        with qualifying as (
          select s.*, b.birth_year, min(s.service_date) over (partition by s.beneficiary_id) as first_date
          from service_event s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          where s.organisation_id = $1 and s.deleted_at is null and s.program = $2
            and s.service_date between $3::date and $4::date
            and (s.contact_id, s.service_date, s.org_unit_id) in (
                select c.contact_id, c.service_date, c.org_unit_id from service_event c
                where c.organisation_id = $5 and c.deleted_at is null and c.program = $6
                  and c.service_date between $7::date and $8::date and c.service = any($9::text[])
                group by c.contact_id, c.service_date, c.org_unit_id having count(distinct c.service) = $10) and true
        ),
        base as (
          select s.id, s.quantity, s.beneficiary_id, s.contact_id, pop.code as d0
          from qualifying s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          cross join lateral unnest(b.populations) as pop(code)
          where true
        )
        select d0, count(distinct beneficiary_id)::float8 as value
        from base
        group by d0
