import { useState } from 'react';
import { buildCode, nameAttributes, RegistrySettings, type CodeComponent, type NameAttribute } from '@relais/core';
import { getRegistrySettings, updateRegistrySettings } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Alert, Button, Card, Code, CodeTextField, Form, Page, Select } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { FormButtons } from '../../app/form-buttons.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { capitalise, describeScheme, partLabel, populationLabel, sampleAttributes } from './registry-labels.ts';

const kinds = ['name', 'birth_year', 'birth_day', 'birth_month', 'sex', 'birth_order', 'district'] as const;
type Kind = (typeof kinds)[number];

/** Isolates a Latin value inside a sentence of any direction (FSI … PDI). */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** A component of a new kind, with usual settings. */
function componentOfKind(kind: Kind): CodeComponent {
  switch (kind) {
    case 'name':
      return { kind, attribute: 'mother_first_name', letters: 2 };
    case 'birth_year':
      return { kind, digits: 4 };
    case 'birth_order':
      return { kind, digits: 1 };
    case 'district':
      return { kind, length: 2 };
    default:
      return { kind };
  }
}

/** Registry settings: the population vocabulary and the code scheme. */
export function RegistrySettingsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const settings = useApi(() => getRegistrySettings(), []);
  return (
    <Page title={t('registrySettings.title')} intro={t('registrySettings.intro')}>
      <ReadStatus of={settings} />
      {settings.data ? <SettingsForm initial={settings.data} onSaved={settings.setData} /> : null}
    </Page>
  );
}

function SettingsForm({ initial, onSaved }: { initial: RegistrySettings; onSaved: (s: RegistrySettings) => void }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [populations, setPopulations] = useState<string[]>(initial.populations);
  const [components, setComponents] = useState<CodeComponent[]>(initial.codeScheme.components);
  const [newPopulation, setNewPopulation] = useState('');
  const [populationError, setPopulationError] = useState<string | undefined>(undefined);
  const form = useFormSubmit();
  const { errors, busy, message } = form;

  const addPopulation = () => {
    const code = newPopulation.trim().toUpperCase();
    if (!/^[A-Z0-9_]{1,20}$/.test(code)) {
      setPopulationError(t('registrySettings.populationInvalid'));
      return;
    }
    setPopulationError(undefined);
    if (!populations.includes(code)) setPopulations([...populations, code]);
    setNewPopulation('');
  };

  const update = (index: number, c: CodeComponent) => setComponents(components.map((x, i) => (i === index ? c : x)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...components];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    setComponents(next);
  };

  const submit = async () => {
    form.begin();
    const checked = validate(RegistrySettings, { codeScheme: { components }, populations });
    if (!form.check(checked)) return;
    await form.send(async () => {
      const saved = await updateRegistrySettings(checked.data);
      setPopulations(saved.populations);
      setComponents(saved.codeScheme.components);
      form.succeed(t('common.saved'));
      onSaved(saved);
    });
  };

  const scheme = { components };
  const schemeError = Object.entries(errors).find(([k]) => k.startsWith('codeScheme'))?.[1];
  const populationsError = Object.entries(errors).find(([k]) => k.startsWith('populations'))?.[1];
  const partName = (attribute: string) => capitalise(partLabel(i18n, attribute), locale);

  return (
    <Form className="stack" onSubmit={submit} actions={<FormButtons busy={busy} />}>
      <Card title={t('registrySettings.populations')}>
        <p className="field-hint">{t('registrySettings.populationsHint')}</p>
        {populationsError ? <p className="field-error">{populationsError}</p> : null}
        <ul className="item-list">
          {populations.map((p) => (
            <li key={p} className="item">
              <span>
                {populationLabel(i18n, p) === p ? null : <>{populationLabel(i18n, p)} </>}
                <Code className="muted">{p}</Code>
              </span>
              <Button
                size="small"
                variant="ghost"
                disabled={populations.length <= 1}
                aria-label={t('registrySettings.removePopulation', { code: p })}
                onClick={() => setPopulations(populations.filter((x) => x !== p))}
              >
                {t('common.remove')}
              </Button>
            </li>
          ))}
        </ul>
        <div className="search-bar">
          <CodeTextField
            label={t('registrySettings.newPopulation')}
            hint={t('registrySettings.newPopulationHint')}
            value={newPopulation}
            onChange={setNewPopulation}
            error={populationError}
            className="code-field"
            autoComplete="off"
            maxLength={20}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addPopulation();
              }
            }}
          />
          <Button onClick={addPopulation}>{t('registrySettings.addPopulation')}</Button>
        </div>
      </Card>

      <Card title={t('registrySettings.scheme')}>
        <p className="field-hint">{t('registrySettings.schemeHint')}</p>
        {schemeError ? <p className="field-error">{schemeError}</p> : null}
        <ol className="scheme-list">
          {components.map((c, i) => (
            <li key={i} className="scheme-row">
              <fieldset className="fieldset">
                <legend className="fieldset-legend">{t('registrySettings.part', { n: i + 1 })}</legend>
                <div className="scheme-fields">
                  <Select
                    label={t('registrySettings.kind')}
                    value={c.kind}
                    options={kinds.map((k) => ({ value: k, label: t(`registrySettings.kind.${k}`) }))}
                    onChange={(v) => update(i, componentOfKind(v as Kind))}
                  />
                  {c.kind === 'name' ? (
                    <>
                      <Select
                        label={t('registrySettings.attribute')}
                        value={c.attribute}
                        options={nameAttributes.map((a) => ({ value: a, label: partName(a) }))}
                        onChange={(v) => update(i, { ...c, attribute: v as NameAttribute })}
                      />
                      <Select
                        label={t('registrySettings.letters')}
                        value={String(c.letters)}
                        options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: String(n) }))}
                        onChange={(v) => update(i, { ...c, letters: Number(v) })}
                      />
                    </>
                  ) : null}
                  {c.kind === 'birth_year' ? (
                    <Select
                      label={t('registrySettings.digits')}
                      value={String(c.digits)}
                      options={[4, 2].map((n) => ({ value: String(n), label: String(n) }))}
                      onChange={(v) => update(i, { kind: 'birth_year', digits: v === '2' ? 2 : 4 })}
                    />
                  ) : null}
                  {c.kind === 'birth_order' ? (
                    <Select
                      label={t('registrySettings.digits')}
                      value={String(c.digits)}
                      options={[1, 2].map((n) => ({ value: String(n), label: String(n) }))}
                      onChange={(v) => update(i, { kind: 'birth_order', digits: v === '2' ? 2 : 1 })}
                    />
                  ) : null}
                  {c.kind === 'district' ? (
                    <Select
                      label={t('registrySettings.length')}
                      value={String(c.length)}
                      options={[1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: String(n) }))}
                      onChange={(v) => update(i, { kind: 'district', length: Number(v) })}
                    />
                  ) : null}
                </div>
                <div className="form-actions">
                  <Button size="small" disabled={i === 0} aria-label={t('registrySettings.moveUpOf', { n: i + 1 })} onClick={() => move(i, -1)}>
                    {t('registrySettings.moveUp')}
                  </Button>
                  <Button
                    size="small"
                    disabled={i === components.length - 1}
                    aria-label={t('registrySettings.moveDownOf', { n: i + 1 })}
                    onClick={() => move(i, 1)}
                  >
                    {t('registrySettings.moveDown')}
                  </Button>
                  <Button
                    size="small"
                    variant="danger"
                    disabled={components.length <= 2}
                    aria-label={t('registrySettings.removePartOf', { n: i + 1 })}
                    onClick={() => setComponents(components.filter((_, j) => j !== i))}
                  >
                    {t('common.remove')}
                  </Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="form-actions">
          <Button disabled={components.length >= 8} onClick={() => setComponents([...components, componentOfKind('name')])}>
            {t('registrySettings.addPart')}
          </Button>
        </div>
        <div className="scheme-example">
          <p>{describeScheme(i18n, scheme)}</p>
          <p>
            {t('registrySettings.example', {
              mother: isolate(sampleAttributes.mother_first_name),
              father: isolate(sampleAttributes.father_first_name),
              first: isolate(sampleAttributes.first_name),
              surname: isolate(sampleAttributes.surname),
              date: isolate(i18n.formatDate(`${sampleAttributes.birth_year}-0${sampleAttributes.birth_month}-0${sampleAttributes.birth_day}`)),
              sex: isolate(sampleAttributes.sex),
              order: sampleAttributes.birth_order,
              district: isolate(sampleAttributes.district),
            })}{' '}
            <output className="code-preview" dir="ltr" aria-label={t('registrySettings.exampleCode')}>
              {buildCode(scheme, sampleAttributes)}
            </output>
          </p>
        </div>
      </Card>

      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </Form>
  );
}
