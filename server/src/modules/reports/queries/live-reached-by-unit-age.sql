-- reached by org_unit (section), age_band; scoped reader
-- parameters: ["00000000-0000-4000-8000-00000000000a","prev_ps","2024-01-01","2024-12-31",["outreach_contact","iec_session"],"/r00t/reg1/%",["prev_ps"],"/r00t/reg2/sec3/%",24,"<25",25,">=25","section"]
        with qualifying as (
          select s.*, b.birth_year, min(s.service_date) over (partition by s.beneficiary_id) as first_date
          from service_event s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          where s.organisation_id = $1 and s.deleted_at is null and s.program = $2
            and s.service_date between $3::date and $4::date
            and "s"."service" = any($5::text[]) and (("ou"."path" like $6 and "s"."program" = any($7::text[])) or "ou"."path" like $8)
        ),
        base as (
          select s.id, s.quantity, s.beneficiary_id, s.contact_id, coalesce(anc.code, ou.code) as d0, (case when b.birth_year is null then 'unknown' when true and (extract(year from first_date)::int - b.birth_year) <= $9 then $10 when (extract(year from first_date)::int - b.birth_year) >= $11 and true then $12 else 'unknown' end) as d1
          from qualifying s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          left join org_unit anc on anc.organisation_id = s.organisation_id and anc.level = $13 and ou.path like anc.path || '%'
          where true
        )
        select d0, d1, count(distinct beneficiary_id)::float8 as value
        from base
        group by d0, d1
