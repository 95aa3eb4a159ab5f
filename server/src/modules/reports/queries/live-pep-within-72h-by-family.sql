-- pep_within_72h by violence_family; external (consent only); scoped reader
-- parameters: ["00000000-0000-4000-8000-00000000000a","gbv","2024-01-01","2024-12-31",["pep_referral"],"/r00t/reg1/%",["prev_ps"],"/r00t/reg2/sec3/%"]
        with qualifying as (
          select s.*, b.birth_year, min(s.service_date) over (partition by s.beneficiary_id) as first_date
          from service_event s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          where s.organisation_id = $1 and s.deleted_at is null and s.program = $2
            and s.service_date between $3::date and $4::date
            and "s"."service" = any($5::text[]) and "s"."case_id" is not null and exists (select 1 from case_file c where c.organisation_id = "s"."organisation_id" and c.id = "s"."case_id" and c.program = "s"."program" and c.reporting_consent and ("c"."incident_on" is not null and case when "c"."incident_time" is null
      then "c"."opened_at"::date - "c"."incident_on" between 0 and 3
      else date_trunc('minute', "c"."opened_at") - ("c"."incident_on" + date_trunc('minute', "c"."incident_time")) between interval '0 hours' and interval '72 hours' end)) and (("ou"."path" like $6 and "s"."program" = any($7::text[])) or "ou"."path" like $8)
        ),
        base as (
          select s.id, s.quantity, s.beneficiary_id, s.contact_id, (case cf.violence_type when 'rape' then 'physical_sexual' when 'sexual_assault' then 'physical_sexual' when 'physical_assault' then 'physical_sexual' when 'forced_marriage' then 'psychological' when 'denial_of_resources' then 'economic' when 'psychological_abuse' then 'psychological' when 'trafficking' then 'trafficking' when 'other' then 'other' else '' end) as d0
          from qualifying s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          left join case_file cf on cf.organisation_id = s.organisation_id and cf.id = s.case_id and cf.reporting_consent
          where true
        )
        select d0, count(distinct beneficiary_id)::float8 as value
        from base
        group by d0
