-- cases_retained by org_unit; external (consent only)
-- parameters: ["2024","2024-01-01","2024-12-31","00000000-0000-4000-8000-00000000000a","gbv"]
        with x as (
          select distinct cf.id, ou.code as d0
          from case_file cf
          cross join (values ($1::text, $2::date, $3::date)) as p(code, from_on, to_on)
          join beneficiary b on b.organisation_id = cf.organisation_id and b.id = cf.beneficiary_id
          join org_unit ou on ou.organisation_id = cf.organisation_id and ou.id = cf.org_unit_id
          where cf.organisation_id = $4 and cf.program = $5 and true
            and cf.reporting_consent
            and ((cf.opened_at::date < p.from_on and coalesce(
      (select h.status from case_status_change h where h.organisation_id = cf.organisation_id and h.case_id = cf.id and h.on_date < p.from_on
        order by h.on_date desc, h.changed_at desc limit 1),
      case when cf.closed_on is null or cf.closed_on >= p.from_on then 'open' else 'closed' end) = 'open') and exists (select 1 from service_event se where se.organisation_id = cf.organisation_id and se.case_id = cf.id
        and se.deleted_at is null and se.service_date between p.from_on and p.to_on))
        )
        select d0, count(distinct id)::float8 as value
        from x
        group by d0
