-- returned, total
-- parameters: ["00000000-0000-4000-8000-00000000000a","prev_ps","2024-01-01","2024-12-31","00000000-0000-4000-8000-00000000000a","prev_ps","2024-01-01","2024-12-31",["outreach_contact","iec_session"],"/r00t/reg1/%",["prev_ps"],"/r00t/reg2/sec3/%","/r00t/reg1/%",["prev_ps"],"/r00t/reg2/sec3/%"]
        with qualifying as (
          select s.*, b.birth_year, min(s.service_date) over (partition by s.beneficiary_id) as first_date
          from service_event s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          where s.organisation_id = $1 and s.deleted_at is null and s.program = $2
            and s.service_date between $3::date and $4::date
            and ("s"."site_id" is null and "s"."service" <> 'outreach_contact' and coalesce("s"."strategy", 'fixed') = 'fixed') and s.beneficiary_id in (
          select r.beneficiary_id from service_event r join org_unit rou on rou.organisation_id = r.organisation_id and rou.id = r.org_unit_id
          where r.organisation_id = $5 and r.deleted_at is null and r.program = $6
            and r.service_date between $7::date and $8::date and r.service = any($9::text[]) and (("rou"."path" like $10 and "r"."program" = any($11::text[])) or "rou"."path" like $12)) and (("ou"."path" like $13 and "s"."program" = any($14::text[])) or "ou"."path" like $15)
        ),
        base as (
          select s.id, s.quantity, s.beneficiary_id, s.contact_id
          from qualifying s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          where true
        )
        select count(distinct beneficiary_id)::float8 as value
        from base
