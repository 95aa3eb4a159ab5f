-- returned (slot 5, reach slot 0) by sex, age_band; age_band <25
-- parameters: [2024,4095,"00000000-0000-4000-8000-00000000000a","prev_ps",5,2024,2024,2024,4095,"00000000-0000-4000-8000-00000000000a","prev_ps",0,2024,2024,2024,4095,2024,24,"<25",2024,25,">=25","00000000-0000-4000-8000-00000000000a",2024,24,"<25",2024,25,">=25",["<25"]]
        with f as materialized (
          select f.beneficiary_id, f.org_unit_id, f.program, f.year, f.months & (case "f"."year" when $1::int then $2::int else 0 end) as months, f.sex, f.birth_year
          from report_person_fact f
          join org_unit ou on ou.organisation_id = f.organisation_id and ou.id = f.org_unit_id
          where
        "f"."organisation_id" = $3 and "f"."program" = $4 and "f"."slot" = $5
        and "f"."year" between $6 and $7
        and ("f"."months" & (case "f"."year" when $8::int then $9::int else 0 end)) <> 0 and true
          and f.beneficiary_id in (select r.beneficiary_id from report_person_fact r join org_unit rou on rou.organisation_id = r.organisation_id and rou.id = r.org_unit_id where
        "r"."organisation_id" = $10 and "r"."program" = $11 and "r"."slot" = $12
        and "r"."year" between $13 and $14
        and ("r"."months" & (case "r"."year" when $15::int then $16::int else 0 end)) <> 0 and true)
        ),
        fy as (select beneficiary_id, min(year)::int as first_year from f group by beneficiary_id),
        x as materialized (
          select f.beneficiary_id, f.sex as d0, (case when f.birth_year is null then 'unknown' when true and ($17::int - f.birth_year) <= $18 then $19 when ($20::int - f.birth_year) >= $21 and true then $22 else 'unknown' end) as d1
          from f
          join org_unit ou on ou.organisation_id = $23 and ou.id = f.org_unit_id
          where true and (case when f.birth_year is null then 'unknown' when true and ($24::int - f.birth_year) <= $25 then $26 when ($27::int - f.birth_year) >= $28 and true then $29 else 'unknown' end) = any($30::text[])
        )
        select d0, d1, count(*)::float8 as value
          from (select distinct beneficiary_id, d0, d1 from x) as d
          group by grouping sets ((d0, d1), (d1), (d0), ())
