import { useEffect, useMemo, useState } from 'react';
import { OST_MAX_TAKE_AWAY_DAYS } from '@relais/core';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { ErrorAlert, ReadStatus } from '../../app/read-status.tsx';
import { Link } from '../../app/router.tsx';
import { Button, Page, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { defaultPlace, recordingUnits, unitOptions } from '../capture/place.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { useOutbox } from '../../offline/outbox.ts';
import { OstNewPatient } from './ost-new-patient.tsx';
import { ostDay, type OstDayItemData, type OstDispensingData } from './harm-reduction-api.ts';
import { noWaitingTaps, tapDose, undoDose, waitingTaps } from './ost-offline.ts';
import './harm-reduction.css';

/**
 * The nurse's daily dispensing (ADR 0029): everyone on OST at her unit today, one tap per dose —
 * taken on site, taken away for some days, or missed; each tap saved at once (an `ost_dose`
 * service that takes the methadone from the stock), undone by "Annuler". One read for the list.
 * Offline, the list read last (kept encrypted on the device) opens and the taps wait in the
 * outbox, shown as done and "saved on this device" (`ost-offline.ts`).
 */
export function OstDayPage() {
  const { t } = useI18n();
  const ctx = useWorkContext();
  const units = recordingUnits(ctx.units);
  const [unitId, setUnitId] = useState(() => defaultPlace(ctx.units, ctx.orgUnit?.id).unitId);
  const [date, setDate] = useState(todayIso);
  const [filter, setFilter] = useState('');
  const [taps, setTaps] = useState<Map<string, OstDispensingData | null>>(new Map());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const day = useApi(() => (unitId ? ostDay(unitId, date) : Promise.resolve({ date, items: [] })), [unitId, date]);
  const outbox = useOutbox();
  const [waiting, setWaiting] = useState(noWaitingTaps);
  useEffect(() => {
    let live = true;
    void waitingTaps(date, day.data?.items ?? []).then((w) => live && setWaiting(w));
    return () => void (live = false);
  }, [date, day.data, outbox.count]);
  const items = useMemo(() => {
    const all = day.data?.items ?? [];
    const q = filter.trim().toUpperCase();
    return q ? all.filter((i) => i.beneficiary.code.includes(q)) : all;
  }, [day.data, filter]);
  const todayOf = (item: OstDayItemData) => {
    for (const m of [taps, waiting.byEpisode]) if (m.has(item.episodeId)) return m.get(item.episodeId)!;
    return item.today;
  };
  const done = (day.data?.items ?? []).filter((i) => todayOf(i) !== null || i.coveredUntil !== null).length;

  const act = async (item: OstDayItemData, run: () => Promise<OstDispensingData | null>) => {
    setBusy(item.episodeId);
    setError(null);
    try {
      const result = await run();
      setTaps((m) => new Map(m).set(item.episodeId, result));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const tap = (item: OstDayItemData, kind: OstDispensingData['kind'], days = 1) => act(item, () => tapDose(item, { id: newId(), episodeId: item.episodeId, date, kind, days }));
  const undo = (item: OstDayItemData, today: OstDispensingData) => act(item, async () => (await undoDose(item, today), null));
  const resetTaps = () => setTaps(new Map());

  return (
    <Page
      title={t('ost.title')}
      intro={t('ost.intro')}
      actions={unitId && !adding ? <Button variant="primary" onClick={() => setAdding(true)}>{t('ost.newPatient')}</Button> : undefined}
    >
      <div className="hr-filters">
        <Select label={t('ost.unit')} value={unitId} onChange={(v) => (setUnitId(v), resetTaps())} options={unitOptions(units, t('context.noUnit'))} />
        <TextField label={t('ost.date')} type="date" value={date} max={todayIso()} onChange={(v) => (setDate(v), resetTaps())} />
        <TextField label={t('ost.filter')} value={filter} onChange={setFilter} autoComplete="off" />
      </div>
      {adding ? (
        <OstNewPatient
          unitId={unitId}
          unitName={units.find((n) => n.unit.id === unitId)?.unit.name ?? ''}
          onClose={() => setAdding(false)}
          onEntered={() => (setAdding(false), day.reload())}
        />
      ) : null}
      <ReadStatus of={day} />
      {error ? <ErrorAlert error={error} /> : null}
      {day.data ? (
        <>
          <p className="ost-progress" role="status">{t('ost.progress', { done, total: day.data.items.length })}</p>
          {day.data.items.length === 0 ? <p>{t('ost.empty')}</p> : null}
          <ul className="ost-list" aria-label={t('ost.title')}>
            {items.map((item) => (
              <OstRow
                key={item.episodeId}
                item={item}
                today={todayOf(item)}
                isWaiting={waiting.waiting.has(todayOf(item)?.id ?? '')}
                busy={busy === item.episodeId}
                onTap={(kind, days) => void tap(item, kind, days)}
                onUndo={(today) => void undo(item, today)}
              />
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}

/** One patient of the day: her code and dose, then the three taps, or what was recorded (waiting on the device or not) and "Annuler". */
function OstRow({ item, today, isWaiting, busy, onTap, onUndo }: {
  item: OstDayItemData;
  today: OstDispensingData | null;
  isWaiting: boolean;
  busy: boolean;
  onTap: (kind: OstDispensingData['kind'], days?: number) => void;
  onUndo: (today: OstDispensingData) => void;
}) {
  const { t, formatDate } = useI18n();
  const [days, setDays] = useState('2');
  const dose = item.doseMg === null ? t('ost.noDose') : t('ost.dose', { dose: item.doseMg });
  const state = today ? (today.kind === 'missed' ? 'missed' : 'done') : item.coveredUntil ? 'covered' : 'expected';
  const label = `${item.beneficiary.code}`;
  return (
    <li className="ost-row" data-state={state}>
      <div className="ost-who">
        <Link to={`/beneficiaries/${item.beneficiary.id}`} aria-label={t('ost.openRecord', { code: item.beneficiary.code })}>
          <code dir="ltr">{item.beneficiary.code}</code>
        </Link>
        <span>{dose}</span>
      </div>
      <div className="ost-actions">
        {today ? (
          <>
            <span>
              {today.kind === 'missed'
                ? t('ost.doneMissed')
                : today.kind === 'take_away'
                  ? t('ost.doneTakeAway', { days: today.days, dose: today.doseMg ?? '—' })
                  : t('ost.doneOnSite', { dose: today.doseMg ?? '—' })}
            </span>
            {isWaiting ? <small className="ost-waiting">{t('outbox.savedOnDevice')}</small> : null}
            <Button size="small" variant="ghost" busy={busy} onClick={() => onUndo(today)} aria-label={`${t('ost.undo')} ${label}`}>
              {t('ost.undo')}
            </Button>
          </>
        ) : item.coveredUntil ? (
          <span>{t('ost.covered', { date: formatDate(item.coveredUntil) })}</span>
        ) : (
          <>
            <Button variant="primary" busy={busy} onClick={() => onTap('on_site')} aria-label={`${t('ost.given')} ${label}`}>
              {t('ost.given')}
            </Button>
            <select className="ost-days" value={days} onChange={(e) => setDays(e.target.value)} aria-label={`${t('ost.days')} ${label}`}>
              {Array.from({ length: OST_MAX_TAKE_AWAY_DAYS - 1 }, (_, i) => String(i + 2)).map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
            <Button busy={busy} onClick={() => onTap('take_away', Number(days))} aria-label={`${t('ost.takeAway')} ${label}`}>
              {t('ost.takeAway')}
            </Button>
            <Button variant="danger" busy={busy} onClick={() => onTap('missed')} aria-label={`${t('ost.missed')} ${label}`}>
              {t('ost.missed')}
            </Button>
          </>
        )}
      </div>
    </li>
  );
}
