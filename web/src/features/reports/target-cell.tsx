import { useState, type FormEvent } from 'react';
import type { OrgUnit } from '@relais/core';
import { setTarget, type ReportRequest } from '../../api/endpoints.ts';
import { Button, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import type { NumberFormats } from './report-labels.ts';

/** A target, and for who may set targets on the unit, a button that turns the cell into a small form. */
export function TargetCell({ indicator, label, where, unit, query, target, ratio, formats, onSaved }: {
  indicator: string;
  label: string;
  where: string;
  /** The unit of the target (the root unit for the total); null when it cannot be set here. */
  unit: OrgUnit | null;
  query: ReportRequest;
  target: number | null;
  ratio: boolean;
  formats: NumberFormats;
  onSaved: (text: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = target === null ? '—' : formats.value(target, ratio);
  const what = { indicator: label, unit: where };

  if (!editing || !unit) {
    return (
      <span className="target-cell">
        <span>{shown}</span>
        {unit ? (
          <Button
            size="small"
            variant="ghost"
            className="no-print"
            aria-label={t(target === null ? 'performance.setTargetOf' : 'performance.editTargetOf', what)}
            onClick={() => {
              // A ratio's target is typed as a percentage.
              setDraft(target === null ? '' : String(ratio ? Math.round(target * 1000) / 10 : target));
              setError(null);
              setEditing(true);
            }}
          >
            {target === null ? t('performance.setTarget') : t('performance.editTarget')}
          </Button>
        ) : null}
      </span>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const typed = Number(draft.trim().replace(',', '.'));
    if (draft.trim() === '' || !Number.isFinite(typed) || typed < 0 || (ratio && typed > 1000)) {
      setError(t('performance.targetInvalid'));
      return;
    }
    const value = ratio ? Math.round(typed * 100) / 10_000 : typed;
    setBusy(true);
    setError(null);
    try {
      await setTarget({ indicator, program: query.program, orgUnitId: unit.id, period: query.period, value });
      setEditing(false);
      onSaved(t('performance.targetSaved', { ...what, value: formats.value(value, ratio) }));
    } catch (err) {
      setError(describeError(i18n, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="target-form" onSubmit={(e) => void submit(e)}>
      <TextField
        label={<span className="visually-hidden">{t('performance.targetOf', what)}</span>}
        className="field-inline"
        inputMode="decimal"
        value={draft}
        onChange={setDraft}
        error={error ?? undefined}
        hint={ratio ? t('performance.targetPercentHint') : undefined}
        autoFocus
      />
      <div className="form-actions">
        <Button type="submit" size="small" variant="primary" busy={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </Button>
        <Button size="small" onClick={() => setEditing(false)}>
          {t('reports.cancel')}
        </Button>
      </div>
    </form>
  );
}
