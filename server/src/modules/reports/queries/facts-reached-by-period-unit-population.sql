-- reached (slot 0) by period (quarter), org_unit, population, age_band; two years
-- parameters: [2023,4032,2024,63,"00000000-0000-4000-8000-00000000000a","prev_ps",0,2023,2024,2023,4032,2024,63,"/r00t/reg1/%",["prev_ps"],"/r00t/reg2/sec3/%",24,"<25",25,">=25","00000000-0000-4000-8000-00000000000a","00000000-0000-4000-8000-00000000000a"]
        with f as materialized (
          select f.beneficiary_id, f.org_unit_id, f.program, f.year, f.months & (case "f"."year" when $1::int then $2::int when $3::int then $4::int else 0 end) as months, f.sex, f.birth_year
          from report_person_fact f
          join org_unit ou on ou.organisation_id = f.organisation_id and ou.id = f.org_unit_id
          where
        "f"."organisation_id" = $5 and "f"."program" = $6 and "f"."slot" = $7
        and "f"."year" between $8 and $9
        and ("f"."months" & (case "f"."year" when $10::int then $11::int when $12::int then $13::int else 0 end)) <> 0 and (("ou"."path" like $14 and "f"."program" = any($15::text[])) or "ou"."path" like $16)
        ),
        fy as (select beneficiary_id, min(year)::int as first_year from f group by beneficiary_id),
        x as materialized (
          select f.beneficiary_id, to_char(s.service_date, 'YYYY') || '-Q' || extract(quarter from s.service_date)::int::text as d0, ou.code as d1, pop.code as d2, (case when f.birth_year is null then 'unknown' when true and (fy.first_year - f.birth_year) <= $17 then $18 when (fy.first_year - f.birth_year) >= $19 and true then $20 else 'unknown' end) as d3
          from f
          join org_unit ou on ou.organisation_id = $21 and ou.id = f.org_unit_id
          join beneficiary b on b.organisation_id = $22 and b.id = f.beneficiary_id
          cross join lateral unnest(b.populations) as pop(code)
          cross join lateral (select make_date(f.year, m, 1) as service_date from generate_series(1, 12) as m where f.months & (1 << (m - 1)) <> 0) as s
          join fy on fy.beneficiary_id = f.beneficiary_id
          where true
        )
        select d0, d1, d2, d3, count(*)::float8 as value
          from (select distinct beneficiary_id, d0, d1, d2, d3 from x) as d
          group by grouping sets ((d0, d1, d2, d3), (d0, d1, d2)) union all select null::text as d0, d1, d2, d3, count(*)::float8 as value
          from (select distinct beneficiary_id, d1, d2, d3 from x) as d
          group by grouping sets ((d1, d2, d3), (d1, d2)) union all select d0, null::text as d1, d2, d3, count(*)::float8 as value
          from (select distinct beneficiary_id, d0, d2, d3 from x) as d
          group by grouping sets ((d0, d2, d3), (d0, d2)) union all select null::text as d0, null::text as d1, d2, d3, count(*)::float8 as value
          from (select distinct beneficiary_id, d2, d3 from x) as d
          group by grouping sets ((d2, d3), (d2)) union all select d0, d1, null::text as d2, d3, count(*)::float8 as value
          from (select distinct beneficiary_id, d0, d1, d3 from x) as d
          group by grouping sets ((d0, d1, d3), (d0, d1)) union all select null::text as d0, d1, null::text as d2, d3, count(*)::float8 as value
          from (select distinct beneficiary_id, d1, d3 from x) as d
          group by grouping sets ((d1, d3), (d1)) union all select d0, null::text as d1, null::text as d2, d3, count(*)::float8 as value
          from (select distinct beneficiary_id, d0, d3 from x) as d
          group by grouping sets ((d0, d3), (d0)) union all select null::text as d0, null::text as d1, null::text as d2, d3, count(*)::float8 as value
          from (select distinct beneficiary_id, d3 from x) as d
          group by grouping sets ((d3), ())
