import { describe, expect, it } from 'vitest';
import { createI18n, loadCatalogue } from '../../i18n/i18n.tsx';
import { dimensionLabel, dimensionValueLabel, indicatorLabel, numberFormats, periodLabel, rememberIndicatorNames } from './report-labels.ts';

await loadCatalogue('fr');
await loadCatalogue('en');

const fr = createI18n('fr', () => undefined);
const en = createI18n('en', () => undefined);
const units = new Map([['AGA', 'Agadir']]);

describe('report labels', () => {
  it('says a period code in words', () => {
    expect(periodLabel(fr, '2024')).toBe('2024');
    expect(periodLabel(fr, '2024-S2')).toBe('S2 2024');
    expect(periodLabel(fr, '2024-Q3')).toBe('T3 2024');
    expect(periodLabel(fr, '2024-07')).toBe('juillet 2024');
    expect(periodLabel(en, '2024-07')).toBe('July 2024');
    expect(periodLabel(fr, '2024-02-10..2024-05-20')).toMatch(/^du 10 févr?\. 2024 au 20 mai 2024$/);
    expect(periodLabel(fr, 'whatever')).toBe('whatever');
  });

  it('names indicators from the catalogue, then the organisation’s own names, else the code', () => {
    expect(indicatorLabel(fr, 'reached')).toBe(fr.t('indicator.reached'));
    expect(indicatorLabel(fr, 'my_own')).toBe('my_own');
    rememberIndicatorNames([{ code: 'my_own', measure: null, custom: true, labels: { fr: 'Le mien', ar: 'خاصتي', en: 'Mine' } }]);
    expect(indicatorLabel(fr, 'my_own')).toBe('Le mien');
    expect(indicatorLabel(en, 'my_own')).toBe('Mine');
  });

  it('names dimensions and their values: totals, not recorded, units, programs, coded values', () => {
    expect(dimensionLabel(fr, 'period')).toBe(fr.t('report.period'));
    expect(dimensionLabel(fr, 'sex')).toBe(fr.t('report.dimension.sex'));
    expect(dimensionValueLabel(fr, 'sex', '*', units)).toBe('Total');
    expect(dimensionValueLabel(fr, 'sex', '', units)).toBe('Non renseigné');
    expect(dimensionValueLabel(fr, 'worker', '', units)).toBe('Intervenant non renseigné');
    expect(dimensionValueLabel(fr, 'org_unit', 'AGA', units)).toBe('Agadir');
    expect(dimensionValueLabel(fr, 'site', 'GONE', units)).toBe('GONE');
    expect(dimensionValueLabel(fr, 'program', 'prev_ps', units)).toBe(fr.t('program.prev_ps'));
    expect(dimensionValueLabel(fr, 'period', '2024-Q1', units)).toBe('T1 2024');
    expect(dimensionValueLabel(fr, 'age_band', '<25', units)).toBe('Moins de 25 ans');
    expect(dimensionValueLabel(fr, 'age_band', '>=25', units)).toBe('25 ans et plus');
    expect(dimensionValueLabel(fr, 'age_band', 'unknown', units)).toBe(fr.t('reports.ageUnknown'));
    expect(dimensionValueLabel(fr, 'service', 'hiv_test', units)).toBe(fr.t('service.hiv_test'));
    expect(dimensionValueLabel(fr, 'result', 'positive', units)).toBe(fr.t('result.positive'));
    expect(dimensionValueLabel(fr, 'population', 'OWN', units)).toBe('OWN');
    expect(dimensionValueLabel(fr, 'worker', 'Nadia', units)).toBe('Nadia');
  });

  it('formats counts and ratios in the language', () => {
    const f = numberFormats('en');
    expect(f.count(1234.567)).toBe('1,234.57');
    expect(f.percent(0.4567)).toBe('45.7%');
    expect(f.value(0.5, true)).toBe('50%');
    expect(f.value(3, false)).toBe('3');
    // French of Morocco: a narrow no-break space before %, a comma for decimals.
    expect(numberFormats('fr').percent(0.125)).toMatch(/^12,5\s%$/u);
  });
});
