import { sql, type Kysely } from 'kysely';

// Commodities stock per unit (issue 17). `stock_item`: an organisation's own items and its changes
// to the default list (labels, threshold); the default list itself lives in core. `stock_movement`:
// the ledger, one line per change of a unit's balance of an item (signed `quantity`); the lines of
// a service's distribution carry its `service_id` and follow it (rewritten on correction, removed
// on deletion). `stock_month` (the ledger summed per unit, item and month) and `stock_balance` (per
// unit and item: on hand) are kept by statement triggers on the ledger, so that stock on hand,
// months of stock and the monthly report read a few rows per unit and item instead of every line.
// Both derived: not backed up, rebuilt by the triggers as a restore writes the ledger back.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table stock_item (
      organisation_id uuid not null references organisation (id),
      code text not null,
      label_fr text not null,
      label_ar text not null,
      label_en text not null,
      unit text not null check (unit in ('piece', 'box', 'kit', 'mg', 'bottle', 'test')),
      low_threshold int check (low_threshold is null or low_threshold >= 0),
      updated_by uuid not null,
      updated_at timestamptz not null default now(),
      primary key (organisation_id, code)
    );

    create table stock_movement (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      org_unit_id uuid not null,
      item_code text not null,
      kind text not null check (kind in ('receipt', 'transfer_out', 'transfer_in', 'distribution', 'loss', 'adjustment', 'count')),
      quantity int not null,
      movement_date date not null,
      counted int,
      source text check (source is null or source in ('national_programme', 'donor', 'other')),
      lot text,
      expires_on date,
      reason text,
      transfer_id uuid,
      service_id uuid,
      note text,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id)
    );
    create unique index stock_movement_service_idx on stock_movement (organisation_id, service_id, item_code) where service_id is not null;
    create index stock_movement_unit_idx on stock_movement (organisation_id, org_unit_id, item_code, movement_date);
    create index stock_movement_expiry_idx on stock_movement (organisation_id, expires_on) where expires_on is not null;

    create table stock_month (
      organisation_id uuid not null,
      org_unit_id uuid not null,
      item_code text not null,
      month date not null,
      received bigint not null default 0,
      transferred bigint not null default 0,
      distributed bigint not null default 0,
      adjusted bigint not null default 0,
      primary key (organisation_id, org_unit_id, item_code, month)
    );
    create index stock_month_month_idx on stock_month (organisation_id, month);

    create table stock_balance (
      organisation_id uuid not null,
      org_unit_id uuid not null,
      item_code text not null,
      on_hand bigint not null default 0,
      primary key (organisation_id, org_unit_id, item_code)
    );

    -- Lines removed (or their old values) are taken off their month; lines added are put on theirs.
    create function relais_stock_month_follow() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        insert into stock_month as m (organisation_id, org_unit_id, item_code, month, received, transferred, distributed, adjusted)
        select organisation_id, org_unit_id, item_code, date_trunc('month', movement_date)::date,
          -1 * sum(case when kind = 'receipt' then quantity else 0 end),
          -1 * sum(case when kind in ('transfer_in', 'transfer_out') then quantity else 0 end),
          -1 * sum(case when kind = 'distribution' then -quantity else 0 end),
          -1 * sum(case when kind in ('loss', 'adjustment', 'count') then quantity else 0 end)
        from old_lines group by 1, 2, 3, 4
        on conflict (organisation_id, org_unit_id, item_code, month) do update set
          received = m.received + excluded.received, transferred = m.transferred + excluded.transferred,
          distributed = m.distributed + excluded.distributed, adjusted = m.adjusted + excluded.adjusted;
        insert into stock_balance as b (organisation_id, org_unit_id, item_code, on_hand)
        select organisation_id, org_unit_id, item_code, -1 * sum(quantity) from old_lines group by 1, 2, 3
        on conflict (organisation_id, org_unit_id, item_code) do update set on_hand = b.on_hand + excluded.on_hand;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into stock_month as m (organisation_id, org_unit_id, item_code, month, received, transferred, distributed, adjusted)
        select organisation_id, org_unit_id, item_code, date_trunc('month', movement_date)::date,
           sum(case when kind = 'receipt' then quantity else 0 end),
           sum(case when kind in ('transfer_in', 'transfer_out') then quantity else 0 end),
           sum(case when kind = 'distribution' then -quantity else 0 end),
           sum(case when kind in ('loss', 'adjustment', 'count') then quantity else 0 end)
        from new_lines group by 1, 2, 3, 4
        on conflict (organisation_id, org_unit_id, item_code, month) do update set
          received = m.received + excluded.received, transferred = m.transferred + excluded.transferred,
          distributed = m.distributed + excluded.distributed, adjusted = m.adjusted + excluded.adjusted;
        insert into stock_balance as b (organisation_id, org_unit_id, item_code, on_hand)
        select organisation_id, org_unit_id, item_code,  sum(quantity) from new_lines group by 1, 2, 3
        on conflict (organisation_id, org_unit_id, item_code) do update set on_hand = b.on_hand + excluded.on_hand;
      end if;
      return null;
    end $$;

    create trigger stock_month_insert after insert on stock_movement referencing new table as new_lines
      for each statement execute function relais_stock_month_follow();
    create trigger stock_month_update after update on stock_movement referencing old table as old_lines new table as new_lines
      for each statement execute function relais_stock_month_follow();
    create trigger stock_month_delete after delete on stock_movement referencing old table as old_lines
      for each statement execute function relais_stock_month_follow();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table stock_month;
    drop table stock_balance;
    drop table stock_movement;
    drop table stock_item;
    drop function relais_stock_month_follow();
  `.execute(db);
}
