import { Fragment, useState } from 'react';
import { arabicScript, buildCode, buildPart, checkCode, codeSexLetters, componentLabel, normaliseName, type CodeAttributes, type CodeComponent, type CodeScheme } from '@relais/core';
import { Button, Card, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { capitalise, partLabel } from './registry-labels.ts';

/** Raw inputs of the helper, by component label. */
type HelperValues = Partial<Record<string, string>>;

function toNumber(raw: string | undefined): number | null {
  const n = Number.parseInt((raw ?? '').trim(), 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** The attributes as core's builder wants them. They stay in this component's memory only. */
function attributesOf(values: HelperValues): CodeAttributes {
  const sex = values.sex;
  return {
    mother_first_name: values.mother_first_name ?? null,
    father_first_name: values.father_first_name ?? null,
    first_name: values.first_name ?? null,
    surname: values.surname ?? null,
    birth_year: toNumber(values.birth_year),
    birth_day: toNumber(values.birth_day),
    birth_month: toNumber(values.birth_month),
    sex: sex && (codeSexLetters as readonly string[]).includes(sex) ? (sex as CodeAttributes['sex']) : null,
    birth_order: toNumber(values.birth_order),
    district: values.district ?? null,
  };
}

/**
 * "Construire le code": one input per component of the organisation's scheme and a live
 * preview. The names typed here are never sent, stored or logged: only the built code
 * leaves this panel, through `onUse`, and the inputs are cleared at once. Names may be typed
 * in Arabic script: each shows the Latin letters it gives (فاطمة → FATIMA, FA).
 */
export function CodeHelper({ scheme, onUse, id, autoFocus }: { scheme: CodeScheme; onUse: (code: string) => void; id?: string; autoFocus?: boolean }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [values, setValues] = useState<HelperValues>({});
  const set = (key: string) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const built = buildCode(scheme, attributesOf(values));
  const usable = checkCode(scheme, built).ok;

  const use = () => {
    if (!usable) return;
    setValues({});
    onUse(built);
  };

  const input = (c: CodeComponent, first: boolean) => {
    const key = componentLabel(c);
    const label = capitalise(partLabel(i18n, key), locale);
    const common = { label, value: values[key] ?? '', onChange: set(key), autoComplete: 'off', spellCheck: false, autoFocus: Boolean(autoFocus && first) };
    switch (c.kind) {
      case 'name': {
        const typed = values[key] ?? '';
        // Written in Arabic: say which Latin letters it gives, as the French spelling would.
        const hint = arabicScript.test(typed)
          ? t('codeHelper.transliterated', { latin: normaliseName(typed) || '—', part: buildPart(c, attributesOf(values)) })
          : t('codeHelper.nameHint', { letters: c.letters });
        return <TextField {...common} hint={hint} dir="auto" />;
      }
      case 'birth_year':
        return <TextField {...common} hint={t('codeHelper.yearHint')} inputMode="numeric" maxLength={4} dir="ltr" />;
      case 'birth_day':
      case 'birth_month':
        return <TextField {...common} hint={t('codeHelper.dayMonthHint')} inputMode="numeric" maxLength={2} dir="ltr" />;
      case 'birth_order':
        return <TextField {...common} hint={t('codeHelper.orderHint')} inputMode="numeric" maxLength={2} dir="ltr" />;
      case 'district':
        return <TextField {...common} dir="ltr" autoCapitalize="characters" maxLength={c.length} />;
      case 'sex':
        return (
          <Select
            label={label}
            value={values.sex ?? ''}
            onChange={set('sex')}
            options={[
              { value: '', label: '—' },
              ...codeSexLetters.map((l) => ({ value: l, label: t(`codeHelper.sex${l}`) })),
            ]}
          />
        );
    }
  };

  return (
    <div id={id}>
      <Card title={t('codeHelper.title')} className="code-helper">
        <p className="field-hint">{t('codeHelper.privacy')}</p>
        <div className="form">
          {scheme.components.map((c, i) => (
            <Fragment key={i}>{input(c, i === 0)}</Fragment>
          ))}
          <p className="code-preview-row">
            <span>{t('codeHelper.preview')}</span>{' '}
            <output className="code-preview" dir="ltr" aria-label={t('codeHelper.preview')}>
              {built}
            </output>
          </p>
          {usable ? null : <p className="field-hint">{t('codeHelper.incomplete')}</p>}
          <div className="form-actions">
            <Button variant="primary" onClick={use} disabled={!usable}>
              {t('codeHelper.use')}
            </Button>
          </div>
        </div>
      </Card>
    </div>
  );
}
