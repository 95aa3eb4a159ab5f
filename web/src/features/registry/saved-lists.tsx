import { useState } from 'react';
import { listSavedLists, createSavedList, deleteSavedList } from '../../api/endpoints.ts';
import type { SavedListData } from '../../api/endpoints.ts';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { Button, Card, Checkbox, Form, TextField } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError, fieldErrorsOfError } from '../../i18n/errors.ts';
import { usedFilters, type Filters } from './beneficiary-filters.ts';

/** Built-in and own working lists; save the current filters as a list; delete one's own. */
export function SavedLists({ activeId, onOpen, current, ownerId }: {
  activeId: string | null;
  onOpen: (list: SavedListData) => void;
  current: Filters;
  ownerId: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const lists = useApi(() => listSavedLists(), []);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const save = async () => {
    setMessage(null);
    if (!name.trim()) {
      setNameError(t('validation.required', { field: t('lists.name') }));
      return;
    }
    setNameError(undefined);
    setBusy('save');
    try {
      const list = await createSavedList({ id: newId(), name: name.trim(), filters: usedFilters(current), shared });
      lists.setData({ items: [...(lists.data?.items ?? []), list] });
      setName('');
      setShared(false);
      setMessage({ tone: 'success', text: t('lists.saved', { name: list.name }) });
    } catch (error) {
      setNameError(fieldErrorsOfError(i18n, error).name);
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(null);
    }
  };

  const remove = async (list: SavedListData) => {
    setMessage(null);
    setBusy(list.id);
    try {
      await deleteSavedList(list.id);
      lists.setData({ items: (lists.data?.items ?? []).filter((l) => l.id !== list.id) });
      setMessage({ tone: 'success', text: t('lists.deleted', { name: list.name }) });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(null);
    }
  };

  const items = lists.data?.items ?? [];
  const builtIn = items.filter((l) => l.builtIn);
  const mine = items.filter((l) => !l.builtIn);
  const row = (l: SavedListData) => (
    <li key={l.id} className="saved-list">
      <button type="button" className={['list-link', l.id === activeId ? 'list-link-active' : ''].filter(Boolean).join(' ')} aria-current={l.id === activeId ? 'true' : undefined} onClick={() => onOpen(l)}>
        <span dir="auto">{l.name}</span>
        {l.shared && !l.builtIn ? <span className="tag tag-off">{t('lists.sharedTag')}</span> : null}
      </button>
      {!l.builtIn && l.ownerId === ownerId ? (
        <Button size="small" variant="ghost" busy={busy === l.id} aria-label={t('lists.deleteOf', { name: l.name })} onClick={() => void remove(l)}>
          {t('lists.delete')}
        </Button>
      ) : null}
    </li>
  );

  return (
    <Card title={t('lists.title')}>
      <ReadStatus of={lists} />
      {builtIn.length ? (
        <>
          <h3 className="subheading">{t('lists.builtIn')}</h3>
          <ul className="plain-list">{builtIn.map(row)}</ul>
        </>
      ) : null}
      <h3 className="subheading">{t('lists.mine')}</h3>
      {mine.length ? <ul className="plain-list">{mine.map(row)}</ul> : <p className="muted small">{t('lists.none')}</p>}
      <Form className="form save-list" onSubmit={save} message={message}>
        <TextField label={t('lists.name')} value={name} onChange={setName} error={nameError} maxLength={100} />
        <Checkbox label={t('lists.shared')} hint={t('lists.sharedHint')} checked={shared} onChange={setShared} />
        <Button type="submit" busy={busy === 'save'}>
          {t('lists.saveCurrent')}
        </Button>
      </Form>
    </Card>
  );
}
