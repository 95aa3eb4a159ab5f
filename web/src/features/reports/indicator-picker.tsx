import { useId, useState } from 'react';
import type { IndicatorInfo } from '../../api/indicators.ts';
import { Button, Checkbox } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { indicatorLabel } from './report-labels.ts';

/**
 * The indicators of a report, chosen among all (collapsed under a toggle that says how many are
 * chosen). The choice keeps the order of the indicator list.
 */
export function IndicatorPicker({ indicators, chosen, onChange }: {
  indicators: readonly IndicatorInfo[];
  chosen: readonly string[];
  onChange: (codes: string[]) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const toggle = (code: string, on: boolean) => {
    const next = on ? [...chosen, code] : chosen.filter((c) => c !== code);
    onChange(indicators.map((i) => i.code).filter((c) => next.includes(c)));
  };
  return (
    <div className="indicator-picker">
      <Button size="small" variant="ghost" className="disclosure" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('reports.chooseIndicators', { count: chosen.length })}
      </Button>
      {open ? (
        <fieldset id={panelId} className="fieldset">
          <legend className="visually-hidden">{t('reports.indicators')}</legend>
          <div className="checkbox-list">
            {indicators.map((i) => (
              <Checkbox key={i.code} label={indicatorLabel(i18n, i.code)} checked={chosen.includes(i.code)} onChange={(on) => toggle(i.code, on)} />
            ))}
          </div>
        </fieldset>
      ) : (
        <p className="field-hint">{chosen.map((c) => indicatorLabel(i18n, c)).join(' · ')}</p>
      )}
    </div>
  );
}
