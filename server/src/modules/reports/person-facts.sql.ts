import { sqlText } from '../../db/sql-text.ts';
import { ruleMatchSql } from './service-filter.sql.ts';

/**
 * `relais_write_person_facts`: writes the person facts of organisation o from its live services
 * (ADR 0010) — programs ps (all when null), year y (all when null), persons × units (kb, ku) or
 * persons from b0 (included) to b1 (excluded) (all when null). The facts of that scope must have
 * been deleted first. Which services qualify for a slot is the service-filter rule, compiled by
 * `ruleMatchSql` against the slot's `report_rule` row: the report engine compiles the same rule.
 *
 * Migrations install this text: 20261130T0500 (which created the function) and 20261201T0845
 * (which replaced 0500's hand-written copy). The `person-facts-function` snapshot of
 * `report.sql.test.ts` shows any change of it for review: a change needs a new migration that
 * installs it again and rebuilds the facts (never an edit of a landed migration).
 */
export function writePersonFactsFunction(): string {
  return `
create or replace function relais_write_person_facts(o uuid, ps text[], y integer, kb uuid[], ku uuid[], b0 uuid, b1 uuid) returns void
language plpgsql as $fn$
begin
  execute format($q$
    insert into report_person_fact (organisation_id, program, slot, year, org_unit_id, beneficiary_id, months, sex, birth_year)
    with s as (
      select s.organisation_id, s.program, s.org_unit_id, s.beneficiary_id, s.contact_id, s.service, s.result, s.kind, s.strategy, s.modality,
        s.site_id, s.service_date, extract(year from s.service_date)::int as y, extract(month from s.service_date)::int as m
      from %s
      where s.organisation_id = $1 and s.deleted_at is null %s %s %s %s
    ),
    hit as (
      -- A service qualifies for a slot when it matches every part of the slot's rule.
      select s.program, r.slot, s.y, s.org_unit_id, s.beneficiary_id, 1 << (s.m - 1) as bit
      from s join report_rule r on r.organisation_id = s.organisation_id and r.program = s.program and not r.full_paquet
      where ${sqlText(ruleMatchSql('s', 'r'))}
      union all
      -- The paquet minimum slot: a contact (its services of one date at one unit) holding every service of the program's paquet.
      select s.program, r.slot, s.y, s.org_unit_id, s.beneficiary_id, 1 << (s.m - 1)
      from s join report_rule r on r.organisation_id = s.organisation_id and r.program = s.program and r.full_paquet and s.service = any(r.services)
      group by s.program, r.slot, s.y, s.org_unit_id, s.beneficiary_id, s.contact_id, s.service_date, s.m, r.services
      having count(distinct s.service) = cardinality(r.services)
    ),
    fact as (
      select h.program, h.slot, h.y, h.org_unit_id, h.beneficiary_id, bit_or(h.bit) as months
      from hit h group by h.program, h.slot, h.y, h.org_unit_id, h.beneficiary_id
    )
    select $1, f.program, f.slot, f.y, f.org_unit_id, f.beneficiary_id, f.months, b.sex, b.birth_year
    from fact f join beneficiary b on b.organisation_id = $1 and b.id = f.beneficiary_id
  $q$,
    case when kb is null then 'service_event s'
      else '(select distinct * from unnest($4, $5)) as k(b, u) join service_event s on s.organisation_id = $1 and s.beneficiary_id = k.b and s.org_unit_id = k.u' end,
    case when ps is null then '' else 'and s.program = any($2)' end,
    case when y is null then '' else 'and s.service_date >= make_date($3, 1, 1) and s.service_date < make_date($3 + 1, 1, 1)' end,
    case when b0 is null then '' else 'and s.beneficiary_id >= $6' end,
    case when b1 is null then '' else 'and s.beneficiary_id < $7' end)
  using o, ps, y, kb, ku, b0, b1;
end
$fn$;
`;
}
