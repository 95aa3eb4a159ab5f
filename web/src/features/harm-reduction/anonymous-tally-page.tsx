import { useState } from 'react';
import { AnonymousTallyInput, anonymousServices, serviceDefinitions, type AnonymousService } from '@relais/core';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { ReadStatus } from '../../app/read-status.tsx';
import { Alert, Button, Card, Form, Page, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { defaultPlace, recordingUnits, sitesUnder, unitOptions } from '../capture/place.ts';
import { serviceLabel } from '../capture/service-labels.ts';
import { unitLabel } from '../org-units/org-unit-tree.ts';
import { todayIso } from '../registry/registry-labels.ts';
import { deleteAnonymousLine, listAnonymousDay, recordAnonymousTally } from './harm-reduction-api.ts';
import './harm-reduction.css';

type Counts = Record<AnonymousService, { count: string; quantity: string }>;
const emptyCounts = () => Object.fromEntries(anonymousServices.map((s) => [s, { count: '', quantity: '' }])) as Counts;
const takesQuantity = (s: AnonymousService) => serviceDefinitions[s].quantity !== undefined;

/**
 * The anonymous tally of a site (ADR 0029): for a day, how many people without a code got each
 * service, and the items handed out or collected; the day's lines of the unit below, each deletable.
 */
export function AnonymousTallyPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const units = recordingUnits(ctx.units);
  const [unitId, setUnitId] = useState(() => defaultPlace(ctx.units, ctx.orgUnit?.id).unitId);
  const [siteId, setSiteId] = useState('');
  const [date, setDate] = useState(todayIso);
  const [id, setId] = useState(newId);
  const [counts, setCounts] = useState<Counts>(emptyCounts);
  const [saved, setSaved] = useState(false);
  const [tick, setTick] = useState(0);
  const form = useFormSubmit({ alertsInvalid: true });
  const sites = unitId ? sitesUnder(ctx.units, unitId) : [];
  const day = useApi(() => (unitId ? listAnonymousDay(unitId, date) : Promise.resolve({ items: [] })), [unitId, date, tick]);
  const number = (s: string) => (s.trim() === '' ? null : Number(s));
  const set = (s: AnonymousService, field: 'count' | 'quantity', value: string) => setCounts((c) => ({ ...c, [s]: { ...c[s], [field]: value } }));

  const submit = async () => {
    form.begin();
    setSaved(false);
    const lines = anonymousServices
      .filter((s) => counts[s].count.trim() !== '' || counts[s].quantity.trim() !== '')
      .map((s) => ({ service: s, count: number(counts[s].count), quantity: takesQuantity(s) ? number(counts[s].quantity) : null }));
    const checked = validate(AnonymousTallyInput, { id, orgUnitId: unitId, siteId: siteId || null, date, lines });
    if (!form.check(checked)) return;
    await form.send(async () => {
      await recordAnonymousTally(checked.data);
      setSaved(true);
      setId(newId());
      setCounts(emptyCounts());
      setTick((n) => n + 1);
    });
  };
  // A line's error, named by its place among the lines sent.
  const sent = anonymousServices.filter((s) => counts[s].count.trim() !== '' || counts[s].quantity.trim() !== '');
  const errorOf = (s: AnonymousService, field: string) => (sent.includes(s) ? form.errors[`lines.${sent.indexOf(s)}.${field}`] : undefined);

  return (
    <Page title={t('anon.title')} intro={t('anon.intro')}>
      <Form className="stack" aria-label={t('anon.title')} onSubmit={submit} actions={<FormButtons busy={form.busy}>{t('anon.submit')}</FormButtons>}>
        <Card title={t('anon.where')}>
          {saved ? <Alert tone="success">{t('anon.saved')}</Alert> : null}
          {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
          {form.errors.lines ? <Alert tone="error">{t('anon.nothing')}</Alert> : null}
          <div className="hr-filters">
            <TextField label={t('field.date')} type="date" value={date} max={todayIso()} required error={form.errors.date} onChange={setDate} />
            <Select label={t('anon.unit')} value={unitId} error={form.errors.orgUnitId} onChange={(v) => (setUnitId(v), setSiteId(''))} options={unitOptions(units, t('context.noUnit'))} />
            {sites.length ? (
              <Select label={t('anon.site')} value={siteId} error={form.errors.siteId} onChange={setSiteId} options={[{ value: '', label: t('anon.noSite') }, ...sites.map((n) => ({ value: n.unit.id, label: unitLabel(n.unit) }))]} />
            ) : null}
          </div>
        </Card>
        <Card title={t('anon.counts')}>
          <ul className="anon-lines">
            {anonymousServices.map((s) => (
              <li key={s} className="anon-line">
                <span>{serviceLabel(i18n, s)}</span>
                <TextField label={t('anon.people')} type="number" inputMode="numeric" min={1} value={counts[s].count} error={errorOf(s, 'count')} onChange={(v) => set(s, 'count', v)} />
                {takesQuantity(s) ? (
                  <TextField label={t('anon.quantity')} type="number" inputMode="numeric" min={1} value={counts[s].quantity} error={errorOf(s, 'quantity')} onChange={(v) => set(s, 'quantity', v)} />
                ) : (
                  <span />
                )}
              </li>
            ))}
          </ul>
        </Card>
      </Form>
      <Card title={t('anon.day')}>
        <ReadStatus of={day} />
        {day.data?.items.length === 0 ? <p>{t('anon.dayEmpty')}</p> : null}
        <ul className="anon-day">
          {day.data?.items.map((l) => (
            <li key={l.id}>
              {l.site ? <bdi>{l.site.name}</bdi> : null} {l.quantity === null ? t('anon.line', { service: serviceLabel(i18n, l.service), people: l.count }) : t('anon.lineQuantity', { service: serviceLabel(i18n, l.service), people: l.count, quantity: l.quantity })}{' '}
              <Button size="small" variant="ghost" onClick={() => void deleteAnonymousLine(l.id).then(() => setTick((n) => n + 1))}>
                {t('anon.delete')}
              </Button>
            </li>
          ))}
        </ul>
      </Card>
    </Page>
  );
}
