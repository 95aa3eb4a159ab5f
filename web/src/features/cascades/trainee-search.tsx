import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { Button, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { searchTrainees, type TraineeData } from './cascades-api.ts';

/** Finds a person trained before by her name; each found person has a button (`pickLabel`) that picks her. */
export function TraineeSearch({ onPick, pickLabel, exclude = [] }: { onPick: (t: TraineeData) => void; pickLabel: (name: string) => string; exclude?: readonly string[] }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const term = search.trim();
  const found = useApi(() => (term.length >= 2 ? searchTrainees(term) : Promise.resolve(null)), [term]);
  const items = (found.data?.items ?? []).filter((x) => !exclude.includes(x.id));
  return (
    <div className="stack">
      <TextField label={t('cascades.search')} type="search" value={search} onChange={setSearch} />
      <ReadStatus of={found} />
      {found.data && items.length === 0 ? <p className="muted">{t('cascades.noTrainee')}</p> : null}
      {items.length ? (
        <ul className="item-list">
          {items.map((x) => (
            <li key={x.id} className="item casc-row">
              <span className="casc-who">
                <bdi>{x.name}</bdi>
                <span className="muted small">
                  {' · '}
                  {t(`trainee_kind.${x.kind}`)} · {t('cascades.traineeLine', { trainings: x.trainings, sessions: x.sessionsLed })}
                </span>
              </span>
              <Button size="small" onClick={() => onPick(x)}>
                {pickLabel(x.name)}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
