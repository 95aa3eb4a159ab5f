import { weekDays, type WeekDay } from '@relais/core';
import { Button, FieldGroup, TextField } from '../../ui/index.ts';
import { intlTag, useI18n } from '../../i18n/i18n.tsx';
import { dayNames } from './directory-labels.ts';
import { officeHours, type HoursDraft } from './service-draft.ts';

/**
 * The weekly hours of one place: rows of days (ticked) with opening and closing times; "add"
 * starts from office hours. `errorOf(j, field)` is the error of the j-th row's field.
 */
export function HoursFields({ place, hours, onChange, errorOf }: {
  place: string;
  hours: readonly HoursDraft[];
  onChange: (hours: HoursDraft[]) => void;
  errorOf: (j: number, field: 'byDay' | 'opensAt' | 'closesAt') => string | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const short = dayNames(intlTag(i18n.locale));
  const long = dayNames(intlTag(i18n.locale), 'long');
  const setRow = (j: number, row: HoursDraft) => onChange(hours.map((h, k) => (k === j ? row : h)));
  const toggle = (j: number, row: HoursDraft, day: WeekDay, on: boolean) =>
    setRow(j, { ...row, byDay: weekDays.filter((d) => (d === day ? on : row.byDay.includes(d))) });
  return (
    <FieldGroup legend={t('directory.form.hoursOf', { place })}>
      {hours.map((row, j) => (
        <div key={j} className="dir-hours-row">
          <fieldset className="dir-days-pick" aria-invalid={errorOf(j, 'byDay') ? true : undefined}>
            <legend className="visually-hidden">{t('field.byDay')}</legend>
            {weekDays.map((day) => (
              <label key={day} className="dir-day">
                <input type="checkbox" checked={row.byDay.includes(day)} aria-label={long[day]} onChange={(e) => toggle(j, row, day, e.target.checked)} />
                <span aria-hidden="true">{short[day]}</span>
              </label>
            ))}
            {errorOf(j, 'byDay') ? <p className="field-error">{errorOf(j, 'byDay')}</p> : null}
          </fieldset>
          <TextField label={t('field.opensAt')} type="time" value={row.opensAt} error={errorOf(j, 'opensAt')} onChange={(v) => setRow(j, { ...row, opensAt: v })} />
          <TextField label={t('field.closesAt')} type="time" value={row.closesAt} error={errorOf(j, 'closesAt')} onChange={(v) => setRow(j, { ...row, closesAt: v })} />
          <Button size="small" variant="ghost" onClick={() => onChange(hours.filter((_, k) => k !== j))}>
            {t('directory.form.remove')}
          </Button>
        </div>
      ))}
      <Button size="small" onClick={() => onChange([...hours, { ...officeHours, byDay: [...officeHours.byDay] }])}>
        {t('directory.form.addHours')}
      </Button>
    </FieldGroup>
  );
}
