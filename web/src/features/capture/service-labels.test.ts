import { describe, expect, it } from 'vitest';
import { createI18n, loadCatalogue } from '../../i18n/i18n.tsx';
import { detailParts, formatDay, isServiceCode, monthOf, registerNoText, serviceLabel, valueLabel } from './service-labels.ts';

await loadCatalogue('fr');

const fr = createI18n('fr', () => undefined);
const none = { quantity: null, result: null, strategy: null, modality: null, kind: null, treated: null, platform: null };

describe('service labels', () => {
  it('names services and field values from the catalogues, else shows the code', () => {
    expect(isServiceCode('hiv_test')).toBe(true);
    expect(isServiceCode('haircut')).toBe(false);
    expect(serviceLabel(fr, 'condoms')).toBe(fr.t('service.condoms'));
    expect(serviceLabel(fr, 'haircut')).toBe('haircut');
    expect(valueLabel(fr, 'result', 'negative')).toBe(fr.t('result.negative'));
    expect(valueLabel(fr, 'kind', 'mystery')).toBe('mystery');
  });

  it('says the details that are set, one part each', () => {
    expect(detailParts(fr, none)).toEqual([]);
    expect(detailParts(fr, { ...none, quantity: 20 })).toEqual(['Quantité : 20']);
    expect(detailParts(fr, { ...none, result: 'negative', strategy: 'mobile' })).toEqual([fr.t('result.negative'), fr.t('strategy.mobile')]);
    expect(detailParts(fr, { ...none, treated: false })).toEqual([fr.t('capture.treatedNo')]);
    expect(detailParts(fr, { ...none, modality: 'online', platform: 'WhatsApp' })).toEqual([fr.t('modality.online'), fr.t('capture.platformValue', { platform: 'WhatsApp' })]);
    expect(detailParts(fr, { ...none, platform: '' })).toEqual([]);
  });

  it('writes a register number with its year', () => {
    expect(registerNoText(fr, { registerNo: null, registerYear: 2025 })).toBe('');
    expect(registerNoText(fr, { registerNo: 12, registerYear: 2025 })).toBe('n° 12 / 2025');
    expect(registerNoText(fr, { registerNo: 12, registerYear: null })).toBe('n° 12');
  });

  it('counts months across years, and shows a service day without a time zone shift', () => {
    expect(monthOf(-1, new Date(2026, 0, 15))).toBe('2025-12');
    expect(monthOf(0, new Date(2026, 0, 31))).toBe('2026-01');
    expect(monthOf(1, new Date(2026, 11, 31))).toBe('2027-01');
    expect(formatDay('en-GB', '2024-03-01', 'long')).toBe('1 March 2024');
    expect(formatDay('en-GB', '2024-03-01T23:59:00+05:00', 'long')).toBe('1 March 2024');
    expect(formatDay('en-GB', 'not a date')).toBe('not a date');
  });
});
