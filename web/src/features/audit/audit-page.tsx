import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AuditEvent } from '@relais/core';
// French's keys name the known actions (the catalogues are chunks of their own, ADR 0043).
import { fr as coreFr } from '@relais/core/i18n/fr';
import { listAudit, listUsers, type AuditFilters } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { useCan } from '../../app/session.tsx';
import { Button, Loading, Page, Select, Table, TextField, type Column } from '../../ui/index.ts';
import { FilterCard, useFilters } from '../../app/filters.tsx';
import { ErrorAlert } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { auditActionLabel, entityTypeLabel } from '../../i18n/labels.ts';
import { fr as webFr } from '../../i18n/fr.ts';

const PAGE_SIZE = 50;

/** Actions and entity types known to the catalogues (the filter menus). */
const knownActions = Object.keys(coreFr).filter((k) => k.startsWith('audit.')).map((k) => k.slice('audit.'.length));
const knownEntityTypes = Object.keys(webFr).filter((k) => k.startsWith('entity.')).map((k) => k.slice('entity.'.length));

const emptyFilters: Required<AuditFilters> = { action: '', entityType: '', entityId: '', actorId: '', from: '', to: '' };

/** The audit log: filter, read, load older events. */
export function AuditPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const canReadUsers = useCan('user.read');
  const { draft, filters, set, apply, clear } = useFilters({ empty: emptyFilters });
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const actors = useApi(() => (canReadUsers ? listUsers({ limit: 200 }) : Promise.resolve({ items: [], total: 0 })), [canReadUsers]);

  const load = useCallback(async (f: typeof filters, before: number | null) => {
    const mine = ++generation.current;
    setLoading(true);
    setError(undefined);
    try {
      const page = await listAudit({ ...f, before, limit: PAGE_SIZE });
      if (mine !== generation.current) return;
      setItems((prev) => (before === null ? page.items : [...prev, ...page.items]));
      setNextBefore(page.nextBefore);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(filters, null);
  }, [filters, load]);


  const entityTypes = useMemo(() => [...new Set([...knownEntityTypes, ...items.map((i) => i.entityType)])], [items]);
  const columns: Column<AuditEvent>[] = [
    { key: 'at', header: t('auditLog.at'), render: (e) => <time dateTime={e.at}>{i18n.formatDateTime(e.at)}</time> },
    { key: 'actor', header: t('field.actorId'), render: (e) => (e.actor ? <bdi>{e.actor.username}</bdi> : t('auditLog.system')) },
    { key: 'action', header: t('field.action'), render: (e) => auditActionLabel(i18n, e.action) },
    {
      key: 'entity',
      header: t('auditLog.entity'),
      render: (e) => (
        <>
          {entityTypeLabel(i18n, e.entityType)}
          {e.entityId ? (
            <code className="muted small" title={e.entityId}>
              {' '}
              {e.entityId.slice(0, 8)}
            </code>
          ) : null}
        </>
      ),
    },
    { key: 'details', header: t('auditLog.details'), render: (e) => <Details details={e.details} /> },
  ];

  return (
    <Page title={t('auditLog.title')} intro={t('auditLog.intro')}>
      <FilterCard title={t('auditLog.filters')} isSearch={false} submitLabel={t('auditLog.apply')} onApply={apply} onClear={clear}>
          <Select
            label={t('field.action')}
            value={draft.action}
            options={[{ value: '', label: t('auditLog.anyAction') }, ...knownActions.map((a) => ({ value: a, label: auditActionLabel(i18n, a) }))]}
            onChange={set('action')}
          />
          <Select
            label={t('field.entityType')}
            value={draft.entityType}
            options={[{ value: '', label: '—' }, ...entityTypes.map((x) => ({ value: x, label: entityTypeLabel(i18n, x) }))]}
            onChange={set('entityType')}
          />
          {canReadUsers ? (
            <Select
              label={t('field.actorId')}
              value={draft.actorId}
              options={[
                { value: '', label: t('auditLog.anyActor') },
                ...(actors.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
              ]}
              onChange={set('actorId')}
            />
          ) : null}
          <TextField label={t('field.from')} type="date" value={draft.from} onChange={set('from')} />
          <TextField label={t('field.to')} type="date" value={draft.to} onChange={set('to')} />
        </FilterCard>
      <ErrorAlert error={error} />
      <Table caption={t('auditLog.title')} columns={columns} rows={items} rowKey={(e) => e.id} empty={loading ? t('app.loading') : t('common.noResults')} />
      <div className="load-more">
        {loading && items.length > 0 ? <Loading label={t('app.loading')} /> : null}
        {!loading && nextBefore !== null ? <Button onClick={() => void load(filters, nextBefore)}>{t('common.loadMore')}</Button> : null}
        {!loading && nextBefore === null && items.length > 0 ? <p className="muted">{t('auditLog.end')}</p> : null}
      </div>
    </Page>
  );
}

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <dl className="details" dir="ltr">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
