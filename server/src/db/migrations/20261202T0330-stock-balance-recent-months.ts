import { sql, type Kysely } from 'kysely';

/**
 * The recent rate of distribution kept on each balance (issue 17, ADR 0045): stock on hand of 200
 * units × 15 items summed 9,000 monthly rows (three months each) at every read, a third of the
 * read's time on the embedded engine. A balance now also holds `recent_month` (the latest month
 * of any of its ledger lines) and what was distributed in that month and the three before it
 * (`distributed_m0` … `distributed_m3`). The ledger's statement trigger moves them in the same
 * upsert as `on_hand`: the batch's own four months (from its latest month) and the balance's are
 * both read at the later of the two latest months, so that lines of several months in one
 * statement, back-dated lines and corrections (old lines taken off, new ones put on) keep them
 * exact. A line older than three months before `recent_month` changes no slot: it can never fall
 * in the last three whole months again. `relais_stock_slot` reads a balance's slot for a month
 * (0 outside them). Derived, like `stock_balance` itself: rebuilt by the triggers on a restore.
 */
const slotsAt = (prefix: string, at: string) =>
  `relais_stock_slot(${prefix}.recent_month, ${prefix}.distributed_m0, ${prefix}.distributed_m1, ${prefix}.distributed_m2, ${prefix}.distributed_m3, ${at})`;

/** The balance upsert of the ledger's trigger, from `lines` (new_lines or old_lines), times `sign`. */
function balanceUpsert(lines: string, sign: string): string {
  const anchor = 'greatest(b.recent_month, excluded.recent_month)';
  const slot = (k: number) => {
    const at = k === 0 ? anchor : `(${anchor} - interval '${k} month')::date`;
    return `distributed_m${k} = ${slotsAt('b', at)} + ${slotsAt('excluded', at)}`;
  };
  const batchSlot = (k: number) => `${sign} * sum(case when month = (anchor - interval '${k} month')::date then distributed else 0 end)`;
  return `
        insert into stock_balance as b (organisation_id, org_unit_id, item_code, on_hand, recent_month, distributed_m0, distributed_m1, distributed_m2, distributed_m3)
        select organisation_id, org_unit_id, item_code, ${sign} * sum(quantity), max(anchor), ${[0, 1, 2, 3].map(batchSlot).join(', ')}
        from (
          select organisation_id, org_unit_id, item_code, quantity, date_trunc('month', movement_date)::date as month,
            case when kind = 'distribution' then -quantity else 0 end as distributed,
            max(date_trunc('month', movement_date)::date) over (partition by organisation_id, org_unit_id, item_code) as anchor
          from ${lines}
        ) l group by 1, 2, 3
        on conflict (organisation_id, org_unit_id, item_code) do update set on_hand = b.on_hand + excluded.on_hand,
          recent_month = ${anchor}, ${[0, 1, 2, 3].map(slot).join(', ')};`;
}

const monthSums = (lines: string, sign: string) => `
        insert into stock_month as m (organisation_id, org_unit_id, item_code, month, received, transferred, distributed, adjusted)
        select organisation_id, org_unit_id, item_code, date_trunc('month', movement_date)::date,
          ${sign} * sum(case when kind = 'receipt' then quantity else 0 end),
          ${sign} * sum(case when kind in ('transfer_in', 'transfer_out') then quantity else 0 end),
          ${sign} * sum(case when kind = 'distribution' then -quantity else 0 end),
          ${sign} * sum(case when kind in ('loss', 'adjustment', 'count') then quantity else 0 end)
        from ${lines} group by 1, 2, 3, 4
        on conflict (organisation_id, org_unit_id, item_code, month) do update set
          received = m.received + excluded.received, transferred = m.transferred + excluded.transferred,
          distributed = m.distributed + excluded.distributed, adjusted = m.adjusted + excluded.adjusted;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table stock_balance
      add column recent_month date,
      add column distributed_m0 bigint not null default 0,
      add column distributed_m1 bigint not null default 0,
      add column distributed_m2 bigint not null default 0,
      add column distributed_m3 bigint not null default 0;

    create function relais_stock_slot(anchor date, d0 bigint, d1 bigint, d2 bigint, d3 bigint, at date) returns bigint
    language sql immutable parallel safe as $$
      select case (extract(year from anchor) * 12 + extract(month from anchor)) - (extract(year from at) * 12 + extract(month from at))
        when 0 then d0 when 1 then d1 when 2 then d2 when 3 then d3 else 0 end
    $$;

    update stock_balance b set recent_month = s.anchor, distributed_m0 = s.d0, distributed_m1 = s.d1, distributed_m2 = s.d2, distributed_m3 = s.d3
    from (
      select m.organisation_id, m.org_unit_id, m.item_code, a.anchor,
        coalesce(sum(m.distributed) filter (where m.month = a.anchor), 0) as d0,
        coalesce(sum(m.distributed) filter (where m.month = (a.anchor - interval '1 month')::date), 0) as d1,
        coalesce(sum(m.distributed) filter (where m.month = (a.anchor - interval '2 month')::date), 0) as d2,
        coalesce(sum(m.distributed) filter (where m.month = (a.anchor - interval '3 month')::date), 0) as d3
      from stock_month m
      join (select organisation_id, org_unit_id, item_code, max(month) as anchor from stock_month group by 1, 2, 3) a
        on a.organisation_id = m.organisation_id and a.org_unit_id = m.org_unit_id and a.item_code = m.item_code
      group by 1, 2, 3, 4
    ) s
    where b.organisation_id = s.organisation_id and b.org_unit_id = s.org_unit_id and b.item_code = s.item_code;

    create or replace function relais_stock_month_follow() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        ${sql.raw(monthSums('old_lines', '-1'))}
        ${sql.raw(balanceUpsert('old_lines', '-1'))}
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        ${sql.raw(monthSums('new_lines', '1'))}
        ${sql.raw(balanceUpsert('new_lines', '1'))}
      end if;
      return null;
    end $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function relais_stock_month_follow() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        ${sql.raw(monthSums('old_lines', '-1'))}
        insert into stock_balance as b (organisation_id, org_unit_id, item_code, on_hand)
        select organisation_id, org_unit_id, item_code, -1 * sum(quantity) from old_lines group by 1, 2, 3
        on conflict (organisation_id, org_unit_id, item_code) do update set on_hand = b.on_hand + excluded.on_hand;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        ${sql.raw(monthSums('new_lines', '1'))}
        insert into stock_balance as b (organisation_id, org_unit_id, item_code, on_hand)
        select organisation_id, org_unit_id, item_code, sum(quantity) from new_lines group by 1, 2, 3
        on conflict (organisation_id, org_unit_id, item_code) do update set on_hand = b.on_hand + excluded.on_hand;
      end if;
      return null;
    end $$;
    drop function relais_stock_slot(date, bigint, bigint, bigint, bigint, date);
    alter table stock_balance drop column recent_month, drop column distributed_m0, drop column distributed_m1,
      drop column distributed_m2, drop column distributed_m3;
  `.execute(db);
}
