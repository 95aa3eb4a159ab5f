-- lost_to_follow_up, total; external (consent only)
-- parameters: ["2024","2024-01-01","2024-12-31","00000000-0000-4000-8000-00000000000a","gbv",["lost_to_follow_up"],["lost_to_follow_up"]]
        with x as (
          select distinct cf.id
          from case_file cf
          cross join (values ($1::text, $2::date, $3::date)) as p(code, from_on, to_on)
          join beneficiary b on b.organisation_id = cf.organisation_id and b.id = cf.beneficiary_id
          join org_unit ou on ou.organisation_id = cf.organisation_id and ou.id = cf.org_unit_id
          where cf.organisation_id = $4 and cf.program = $5 and true
            and cf.reporting_consent
            and (exists (select 1 from case_status_change h where h.organisation_id = cf.organisation_id and h.case_id = cf.id and h.status = 'closed'
          and h.on_date between p.from_on and p.to_on and h.reason = any($6::text[]))
        or (cf.status = 'closed' and cf.closed_on between p.from_on and p.to_on and cf.closure_reason = any($7::text[])))
        )
        select count(distinct id)::float8 as value
        from x
