import { useState, type FormEvent } from 'react';
import type { User } from '@relais/core';
import { listUsers } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Pager } from '../../app/pager.tsx';
import { Button, Page, Table, TextField, type Column } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoginRulesCards } from './login-rules.tsx';

const PAGE_SIZE = 20;

/** Users: search, page through, open one, create one. */
export function UsersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const users = useApi(() => listUsers({ q: q || undefined, limit: PAGE_SIZE, offset }), [q, offset]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
    setOffset(0);
  };

  const columns: Column<User>[] = [
    { key: 'name', header: t('field.displayName'), render: (u) => <Link to={`/users/${u.id}`}>{u.displayName}</Link> },
    { key: 'username', header: t('field.username'), render: (u) => <bdi>{u.username}</bdi> },
    {
      key: 'roles',
      header: t('users.roles'),
      render: (u) => (
        <ul className="plain-list">
          {u.assignments.map((a) => (
            <li key={a.id}>
              {t(`role.${a.role}`)} — {a.orgUnit.name}
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'status',
      header: t('common.status'),
      render: (u) => <span className={u.active ? 'tag tag-ok' : 'tag tag-off'}>{u.active ? t('common.active') : t('common.inactive')}</span>,
    },
  ];

  const total = users.data?.total ?? 0;
  return (
    <Page
      title={t('users.title')}
      actions={
        <Link to="/users/new" className="btn btn-primary">
          {t('users.new')}
        </Link>
      }
    >
      <form className="search-bar" role="search" onSubmit={search}>
        <TextField type="search" label={t('users.searchLabel')} placeholder={t('users.searchHint')} value={draft} onChange={setDraft} />
        <Button type="submit">{t('common.search')}</Button>
      </form>
      <ReadStatus of={users} />
      {users.data ? (
        <>
          <Table caption={t('users.title')} columns={columns} rows={users.data.items} rowKey={(u) => u.id} empty={t('common.noResults')} />
          <Pager offset={offset} pageSize={PAGE_SIZE} total={total} loading={users.loading} onOffset={setOffset} empty={t('users.total', { total })} />
        </>
      ) : null}
      <LoginRulesCards />
    </Page>
  );
}
