import { useState } from 'react';
import { StockMovementInput, stockMovementKinds, stockReasons, stockSources } from '@relais/core';
import { newId } from '../../api/ids.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { FormButtons } from '../../app/form-buttons.tsx';
import { Alert, Card, Form, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { todayIso } from '../registry/registry-labels.ts';
import { recordStockMovement, type StockItemData } from './stock-api.ts';
import { itemLabel, unitOptions } from './stock-labels.ts';

type Kind = (typeof stockMovementKinds)[number];

/** Records a receipt, a transfer, a loss, an adjustment or a physical count; each kind asks only for its own fields. */
export function StockMovementForm({ items, units, onSaved }: { items: readonly StockItemData[]; units: ReadonlyArray<{ unit: { id: string; name: string }; depth: number }>; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const req = t('common.requiredMark');
  const [id, setId] = useState(newId);
  const [kind, setKind] = useState<Kind>('receipt');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [toOrgUnitId, setToOrgUnitId] = useState('');
  const [item, setItem] = useState('');
  const [quantity, setQuantity] = useState('');
  const [date, setDate] = useState(todayIso);
  const [source, setSource] = useState('');
  const [lot, setLot] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit({ alertsInvalid: true });
  const { errors } = form;
  const choose = { value: '', label: t('stock.choose') };
  const number = (s: string) => (s.trim() === '' ? null : Number(s));

  const submit = async () => {
    form.begin();
    setSaved(false);
    const amount = number(quantity);
    const checked = validate(StockMovementInput, {
      id,
      kind,
      orgUnitId,
      item,
      date,
      quantity: kind === 'count' ? null : amount,
      counted: kind === 'count' ? amount : null,
      toOrgUnitId: kind === 'transfer' ? toOrgUnitId || null : null,
      source: kind === 'receipt' ? source || null : null,
      lot: kind === 'receipt' ? lot.trim() || null : null,
      expiresOn: kind === 'receipt' ? expiresOn || null : null,
      reason: kind === 'loss' || kind === 'adjustment' ? reason || null : null,
    });
    if (!form.check(checked)) return;
    await form.send(async () => {
      await recordStockMovement(checked.data);
      setSaved(true);
      setId(newId());
      setQuantity('');
      setLot('');
      setExpiresOn('');
      onSaved();
    });
  };

  return (
    <Form className="stack" aria-label={t('stock.record')} onSubmit={submit} actions={<FormButtons busy={form.busy}>{t('stock.submit')}</FormButtons>}>
      <Card title={t('stock.record')}>
        <p className="muted">{t('stock.recordIntro')}</p>
        {saved ? <Alert tone="success">{t('stock.saved')}</Alert> : null}
        {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
        <div className="stock-form-grid">
          <Select label={t('stock.kind')} value={kind} required requiredLabel={req} onChange={(v) => setKind(v as Kind)} options={stockMovementKinds.map((k) => ({ value: k, label: t(`stock_kind.${k}`) }))} />
          <Select label={t('stock.unit')} value={orgUnitId} required requiredLabel={req} error={errors.orgUnitId} onChange={setOrgUnitId} options={[choose, ...unitOptions(units)]} />
          {kind === 'transfer' ? (
            <Select label={t('field.toOrgUnitId')} value={toOrgUnitId} required requiredLabel={req} error={errors.toOrgUnitId} onChange={setToOrgUnitId} options={[choose, ...unitOptions(units)]} />
          ) : null}
          <Select label={t('field.item')} value={item} required requiredLabel={req} error={errors.item} onChange={setItem} options={[choose, ...items.map((i) => ({ value: i.code, label: itemLabel(items, i.code, locale, t) }))]} />
          <TextField
            label={kind === 'count' ? t('field.counted') : t('stock.quantityField')}
            type="number"
            inputMode="numeric"
            value={quantity}
            required
            requiredLabel={req}
            hint={kind === 'adjustment' ? t('stock.adjustHint') : kind === 'count' ? t('stock.countHint') : undefined}
            // A count's quantity is `counted`: its error is said on the one field the screen shows.
            error={errors.quantity ?? errors.counted}
            onChange={setQuantity}
          />
          <TextField label={t('field.date')} type="date" value={date} max={todayIso()} required requiredLabel={req} error={errors.date} onChange={setDate} />
          {kind === 'receipt' ? (
            <>
              <Select label={t('field.source')} value={source} required requiredLabel={req} error={errors.source} onChange={setSource} options={[choose, ...stockSources.map((s) => ({ value: s, label: t(`stock_source.${s}`) }))]} />
              <TextField label={t('field.lot')} value={lot} error={errors.lot} onChange={setLot} />
              <TextField label={t('stock.expiresOn')} type="date" value={expiresOn} error={errors.expiresOn} onChange={setExpiresOn} />
            </>
          ) : null}
          {kind === 'loss' || kind === 'adjustment' ? (
            <Select label={t('stock.reason')} value={reason} required requiredLabel={req} error={errors.reason} onChange={setReason} options={[choose, ...stockReasons.map((r) => ({ value: r, label: t(`stock_reason.${r}`) }))]} />
          ) : null}
        </div>
      </Card>
    </Form>
  );
}
