import { useState } from 'react';
import { Link } from '../../app/router.tsx';
import { useCan, useSession } from '../../app/session.tsx';
import { Checkbox, Icon } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { holdPreferences } from '../../offline/offline-preferences.ts';
import { ServicePictogram, type Pictogram } from '../programs/service-pictogram.tsx';
import './quick-contact.css';

/**
 * The low-literacy mode (issue 16, ADR 0042): a preference of each user on the server
 * (`Me.user.lowLiteracy`), so it follows her from phone to phone. When on, the field screens show
 * pictograms first: "record services" opens quick contact, the home page starts with its big
 * button, registration, the contact and group-session forms, her person's services and the
 * outbox draw before they write. Changed without network, it applies at once on this device and
 * reaches the server when the network returns (`offline/offline-preferences.ts`).
 */
export function useLowLiteracy(): [boolean, (on: boolean) => Promise<boolean>] {
  const { me, setMe } = useSession();
  const set = (on: boolean) => {
    setMe({ ...me, user: { ...me.user, lowLiteracy: on } });
    return holdPreferences(me.user.id, { lowLiteracy: on });
  };
  return [me.user.lowLiteracy, set];
}

/** The mode's switch (her account, the phone's menu, quick contact), saying when it waits for the network. */
export function LowLiteracySwitch() {
  const i18n = useI18n();
  const { t } = i18n;
  const [on, set] = useLowLiteracy();
  const [note, setNote] = useState<string | null>(null);
  const change = (next: boolean) => {
    setNote(null);
    set(next).then(
      (isSent) => setNote(isSent ? null : t('literacy.held')),
      (error: unknown) => setNote(describeError(i18n, error)),
    );
  };
  return (
    <div className="literacy-switch">
      <Checkbox label={t('quick.lowLiteracy')} hint={t('quick.lowLiteracyHint')} checked={on} onChange={change} />
      {note ? <p className="field-hint" role="status">{note}</p> : null}
    </div>
  );
}

/** The home page's first button in low-literacy mode: quick contact, drawn before it is written. */
export function QuickContactShortcut() {
  const { t } = useI18n();
  const [lowLiteracy] = useLowLiteracy();
  const canRecord = useCan('service.write');
  if (!lowLiteracy || !canRecord) return null;
  return (
    <Link to="/contacts/quick" className="quick-shortcut">
      <span className="quick-shortcut-pictograms" aria-hidden="true">
        <ServicePictogram name="condom" size={40} />
        <ServicePictogram name="drop" size={40} />
        <ServicePictogram name="chat" size={40} />
      </span>
      <span>{t('shell.quickContact')}</span>
    </Link>
  );
}

/** A choice drawn: its pictogram above its label. */
export interface PictogramOption<T extends string> {
  value: T;
  label: string;
  pictogram: Pictogram;
}

/**
 * A choice as big pictogram tiles with the label under each (the low-literacy mode's field
 * screens, ADR 0042): one value (tapped again, it clears unless required), or several.
 */
export function PictogramChoice<T extends string>({ legend, options, values, onChange, multiple = false, required = false, error }: {
  legend: string;
  options: readonly PictogramOption<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
  multiple?: boolean;
  required?: boolean;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const toggle = (value: T) => {
    if (values.includes(value)) onChange(multiple || !required ? values.filter((v) => v !== value) : [value]);
    else onChange(multiple ? [...values, value] : [value]);
  };
  return (
    <fieldset className={['fieldset', 'fieldset-inner', 'picto-choice', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <legend className="fieldset-legend">
        {legend}
        {required ? (
          <>
            {' '}
            <span className="field-required" title={t('common.requiredMark')} aria-hidden="true">
              *
            </span>
          </>
        ) : null}
      </legend>
      <ul className="quick-tiles picto-tiles">
        {options.map((o) => {
          const isChosen = values.includes(o.value);
          return (
            <li key={o.value} className={isChosen ? 'quick-tile is-given' : 'quick-tile'} data-pictogram={o.pictogram}>
              <button type="button" className="quick-tile-button" aria-pressed={isChosen} onClick={() => toggle(o.value)}>
                <ServicePictogram name={o.pictogram} size={40} />
                <span>{o.label}</span>
                {isChosen ? <Icon name="check" size={20} /> : null}
              </button>
            </li>
          );
        })}
      </ul>
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

/** A line's drawing before its words, in low-literacy mode only (her person's services, the outbox). */
export function LinePictogram({ name }: { name: Pictogram }) {
  const [isOn] = useLowLiteracy();
  return isOn ? <ServicePictogram name={name} size={32} /> : null;
}
