-- cases_opened by period (semester), violence_type; scoped reader
-- parameters: ["2024-S1","2024-01-01","2024-06-30","2024-S2","2024-07-01","2024-12-31","00000000-0000-4000-8000-00000000000a","gbv","/r00t/reg1/%",["prev_ps"],"/r00t/reg2/sec3/%"]
        with x as (
          select distinct cf.id, p.code as d0, coalesce(cf.violence_type, '') as d1
          from case_file cf
          cross join (values ($1::text, $2::date, $3::date), ($4::text, $5::date, $6::date)) as p(code, from_on, to_on)
          join beneficiary b on b.organisation_id = cf.organisation_id and b.id = cf.beneficiary_id
          join org_unit ou on ou.organisation_id = cf.organisation_id and ou.id = cf.org_unit_id
          where cf.organisation_id = $7 and cf.program = $8 and (("ou"."path" like $9 and "cf"."program" = any($10::text[])) or "ou"."path" like $11)
            and cf.opened_at::date between p.from_on and p.to_on
        )
        select d0, d1, count(distinct id)::float8 as value
        from x
        group by d0, d1
