-- tests_performed by site, worker; strategy mobile
-- parameters: ["00000000-0000-4000-8000-00000000000a","prev_ps","2024-01-01","2024-12-01",["hiv_test"],"/r00t/reg1/%",["prev_ps"],"/r00t/reg2/sec3/%",["mobile"]]
        select d0, d1, sum(v)::float8 as value
        from (
          select coalesce(site.code, '') as d0, coalesce(w.username, '') as d1, s.services as v
          from (select r.*, r.month as service_date from report_service_month r
                where r.organisation_id = $1 and r.program = $2 and r.month between $3::date and $4::date) as s
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          left join org_unit site on site.organisation_id = s.organisation_id and site.id = s.site_id
          left join app_user w on w.organisation_id = s.organisation_id and w.id = s.worker_id
          where "s"."service" = any($5::text[]) and (("ou"."path" like $6 and "s"."program" = any($7::text[])) or "ou"."path" like $8) and coalesce("s"."strategy", '') = any($9::text[])
        ) as z
        group by grouping sets ((d0, d1), (d1), (d0), ())
