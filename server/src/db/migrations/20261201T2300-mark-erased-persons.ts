import { sql, type Kysely } from 'kysely';

// The person's rights (issue 18, ADR 0026):
// - a record whose identifying data was erased on her request keeps its id, sex, birth year and
//   populations under a random code (her services still count in past reports); `erased_at` says
//   so, and receivers of her referrals lose them;
// - the audit log stays append-only for everyone but two maintenance steps of the same law, which
//   say so inside their transaction (`set_config('relais.audit_maintenance', 'on', true)`): an
//   erasure replacing her code in earlier events, and the retention job deleting events past the
//   organisation's period.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table beneficiary add column erased_at timestamptz;
    create function relais_audit_guard() returns trigger language plpgsql as $$
    begin
      if current_setting('relais.audit_maintenance', true) = 'on' then
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end if;
      raise exception 'table % is append-only', tg_table_name using errcode = 'insufficient_privilege';
    end
    $$;
    drop trigger audit_event_append_only on audit_event;
    create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function relais_audit_guard();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger audit_event_append_only on audit_event;
    create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function relais_refuse_change();
    drop function relais_audit_guard();
    alter table beneficiary drop column erased_at;
  `.execute(db);
}
