import { useState } from 'react';
import { searchServices } from '../../api/directory.ts';
import { useApi } from '../../api/use-api.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** A directory service as a form keeps it: its id and how it is named on screen. */
export interface ChosenService {
  id: string;
  name: string;
}

/** Finds a directory service by a few letters of its name or its organisation's, then chooses it. */
export function ServicePicker({ label, onChoose, error }: { label: string; onChoose: (s: ChosenService) => void; error?: string | undefined }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const term = q.trim();
  const found = useApi(() => (term.length >= 2 ? searchServices({ q: term, limit: 20 }) : Promise.resolve(null)), [term]);
  const options = (found.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.organization.name}` }));
  return (
    <div className="grid-2">
      <TextField label={t('referrals.serviceSearch')} hint={t('referrals.serviceSearchHint')} type="search" value={q} onChange={setQ} />
      <div>
        <ReadStatus of={found} />
        {found.data && options.length === 0 ? <p className="muted">{t('referrals.noService')}</p> : null}
        <Select
          label={label}
          value=""
          error={error}
          disabled={options.length === 0}
          options={[{ value: '', label: t('referrals.choose') }, ...options]}
          onChange={(id) => {
            const o = options.find((x) => x.value === id);
            if (o) onChoose({ id: o.value, name: o.label });
          }}
        />
      </div>
    </div>
  );
}
