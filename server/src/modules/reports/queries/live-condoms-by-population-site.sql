-- condoms_distributed by population, site; worker and sex filters
-- parameters: ["00000000-0000-4000-8000-00000000000a","prev_ps","2024-01-01","2024-12-31",["condoms"],["ep1"],["F"]]
        with qualifying as (
          select s.*, b.birth_year, min(s.service_date) over (partition by s.beneficiary_id) as first_date
          from service_event s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          where s.organisation_id = $1 and s.deleted_at is null and s.program = $2
            and s.service_date between $3::date and $4::date
            and "s"."service" = any($5::text[]) and true
        ),
        base as (
          select s.id, s.quantity, s.beneficiary_id, s.contact_id, pop.code as d0, coalesce(site.code, '') as d1
          from qualifying s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          left join org_unit site on site.organisation_id = s.organisation_id and site.id = s.site_id
          left join app_user w on w.organisation_id = s.organisation_id and w.id = s.worker_id
          cross join lateral unnest(b.populations) as pop(code)
          where coalesce(w.username, '') = any($6::text[]) and b.sex = any($7::text[])
        )
        select d0, d1, coalesce(sum(quantity), 0)::float8 as value
        from (select distinct id, quantity, beneficiary_id, contact_id, d0, d1 from base) as x
        group by d0, d1
