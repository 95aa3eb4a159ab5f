import { useState } from 'react';
import { Select, TextField } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';

export type PeriodKind = 'year' | 'semester' | 'quarter' | 'month' | 'range';

/** The kind of a period code (`2024`, `2024-S1`, `2024-Q3`, `2024-07`, `2024-01-01..2024-06-30`). */
export function periodKindOf(code: string): PeriodKind {
  if (code.includes('..')) return 'range';
  if (/-S/.test(code)) return 'semester';
  if (/-Q/.test(code)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(code)) return 'month';
  return 'year';
}

/** The current year as a period code (the default period of the reports). */
export function currentYear(): string {
  return String(new Date().getFullYear());
}

const YEARS_BACK = 10;

/**
 * Chooses a reporting period. With only years and semesters: a year and "whole year / S1 / S2".
 * Otherwise a kind of period, then the year and its part, or two dates.
 */
export function PeriodPicker({ value, onChange, kinds }: { value: string; onChange: (code: string) => void; kinds: readonly PeriodKind[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const kind = periodKindOf(value);
  const thisYear = new Date().getFullYear();
  const year = /^\d{4}/.test(value) ? value.slice(0, 4) : String(thisYear);
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => String(thisYear - i));
  if (!years.includes(year)) years.push(year);
  const [rangeFrom = '', rangeTo = ''] = kind === 'range' ? value.split('..') : [];
  // Remembered while another kind is shown, so going back to "dates" keeps them.
  const [lastRange, setLastRange] = useState({ from: `${thisYear}-01-01`, to: `${thisYear}-12-31` });

  const yearSelect = (
    <Select
      label={t('reports.year')}
      value={year}
      options={years.map((y) => ({ value: y, label: y }))}
      onChange={(y) => onChange(y + value.slice(4))}
    />
  );

  if (kinds.length === 2 && kinds.includes('year') && kinds.includes('semester')) {
    return (
      <>
        {yearSelect}
        <Select
          label={t('reports.periodKind.semester')}
          value={kind === 'semester' ? value.slice(5) : ''}
          options={[
            { value: '', label: t('reports.wholeYear') },
            { value: 'S1', label: t('reports.semesterOption', { n: 1 }) },
            { value: 'S2', label: t('reports.semesterOption', { n: 2 }) },
          ]}
          onChange={(part) => onChange(part ? `${year}-${part}` : year)}
        />
      </>
    );
  }

  const switchTo = (next: string) => {
    const k = next as PeriodKind;
    if (k === 'year') onChange(year);
    else if (k === 'semester') onChange(`${year}-S1`);
    else if (k === 'quarter') onChange(`${year}-Q1`);
    else if (k === 'month') onChange(`${year}-01`);
    else onChange(`${lastRange.from}..${lastRange.to}`);
  };
  const monthName = new Intl.DateTimeFormat(intlTag(i18n.locale), { month: 'long', timeZone: 'UTC' });
  const parts =
    kind === 'semester'
      ? [1, 2].map((n) => ({ value: `S${n}`, label: t('reports.semesterOption', { n }) }))
      : kind === 'quarter'
        ? [1, 2, 3, 4].map((n) => ({ value: `Q${n}`, label: t('reports.quarterOption', { n }) }))
        : kind === 'month'
          ? Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1).padStart(2, '0'), label: monthName.format(new Date(Date.UTC(2000, i, 1))) }))
          : [];
  const setRange = (from: string, to: string) => {
    setLastRange({ from, to });
    onChange(`${from}..${to}`);
  };

  return (
    <>
      <Select
        label={t('reports.periodKind')}
        value={kind}
        options={kinds.map((k) => ({ value: k, label: t(`reports.periodKind.${k}`) }))}
        onChange={switchTo}
      />
      {kind === 'range' ? (
        <>
          <TextField label={t('field.from')} type="date" value={rangeFrom} onChange={(v) => setRange(v, rangeTo)} />
          <TextField label={t('field.to')} type="date" value={rangeTo} onChange={(v) => setRange(rangeFrom, v)} />
        </>
      ) : (
        <>
          {yearSelect}
          {parts.length ? (
            <Select label={t(`reports.periodKind.${kind}`)} value={value.slice(5)} options={parts} onChange={(part) => onChange(`${year}-${part}`)} />
          ) : null}
        </>
      )}
    </>
  );
}
