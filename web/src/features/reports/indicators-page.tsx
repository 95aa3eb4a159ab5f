import { useState, type FormEvent } from 'react';
import { IndicatorInput, contactModalities, serviceCodes, testResults, testStrategies } from '@relais/core';
import { createIndicator, deleteIndicator, listIndicators } from '../../api/endpoints.ts';
import type { IndicatorInfo } from '../../api/indicators.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { Alert, Button, Card, Checkbox, CheckboxList, Page, Select, Table, TextField } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { indicatorLabel, rememberIndicatorNames } from './report-labels.ts';
import { serviceLabel, valueLabel } from '../capture/service-labels.ts';
import { MarkRequired } from '../../app/mark-required.tsx';
import { FormButtons } from '../../app/form-buttons.tsx';

const kinds = ['distinct_persons', 'count_services', 'sum_quantity', 'ratio'] as const;
type Kind = (typeof kinds)[number];

/** The indicators of the organisation: the defaults, its own (added here, deleted here). */
export function IndicatorsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const list = useApi(async () => {
    const answer = await listIndicators();
    rememberIndicatorNames(answer.items);
    return answer.items;
  }, []);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const remove = async (code: string) => {
    setMessage(null);
    try {
      await deleteIndicator(code);
      setConfirming(null);
      setMessage({ tone: 'success', text: t('indicators.deleted') });
      list.reload();
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    }
  };

  const items = list.data ?? [];
  return (
    <Page title={t('indicators.title')} intro={t('indicators.intro')}>
      <ReadStatus of={list} />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {list.data ? (
        <Table
          caption={t('indicators.list')}
          rows={items}
          rowKey={(i) => i.code}
          empty={t('common.noResults')}
          columns={[
            { key: 'name', header: t('indicators.name'), render: (i) => indicatorLabel(i18n, i.code) },
            { key: 'code', header: t('indicators.code'), render: (i) => <code dir="ltr">{i.code}</code> },
            { key: 'measure', header: t('indicators.measure'), render: (i) => (i.measure ? t(`indicators.kind.${i.measure.kind}`) : '') },
            { key: 'origin', header: t('indicators.origin'), render: (i) => (i.custom ? t('indicators.own') : t('indicators.default')) },
            {
              key: 'actions',
              header: <span className="visually-hidden">{t('indicators.actions')}</span>,
              render: (i) =>
                !i.custom ? null : confirming === i.code ? (
                  <span className="form-actions">
                    <Button size="small" variant="danger" onClick={() => void remove(i.code)}>
                      {t('indicators.confirmDelete', { name: indicatorLabel(i18n, i.code) })}
                    </Button>
                    <Button size="small" variant="ghost" onClick={() => setConfirming(null)}>
                      {t('reports.cancel')}
                    </Button>
                  </span>
                ) : (
                  <Button size="small" variant="ghost" onClick={() => setConfirming(i.code)}>
                    {t('indicators.delete')}
                  </Button>
                ),
            },
          ]}
        />
      ) : null}
      {list.data ? (
        <IndicatorForm
          others={items}
          onCreated={() => {
            setMessage({ tone: 'success', text: t('indicators.created') });
            list.reload();
          }}
        />
      ) : null}
    </Page>
  );
}

/** A group of checkboxes choosing some values among a few. */
function Choices({ legend, values, chosen, label, onChange, hint }: {
  legend: string;
  values: readonly string[];
  chosen: readonly string[];
  label: (value: string) => string;
  onChange: (values: string[]) => void;
  hint?: string;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <CheckboxList options={values.map((v) => ({ value: v, label: label(v) }))} values={chosen} onChange={onChange} />
    </fieldset>
  );
}

function IndicatorForm({ others, onCreated }: { others: readonly IndicatorInfo[]; onCreated: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [code, setCode] = useState('');
  const [labels, setLabels] = useState({ fr: '', ar: '', en: '' });
  const [kind, setKind] = useState<Kind>('distinct_persons');
  const [reach, setReach] = useState(false);
  const [services, setServices] = useState<string[]>([]);
  const [results, setResults] = useState<string[]>([]);
  const [strategies, setStrategies] = useState<string[]>([]);
  const [modalities, setModalities] = useState<string[]>([]);
  const [atPremises, setAtPremises] = useState(false);
  const [amongReached, setAmongReached] = useState(false);
  const [numerator, setNumerator] = useState('');
  const [denominator, setDenominator] = useState('');
  const form = useFormSubmit();
  const { errors, busy } = form;

  const parts = others.filter((i) => i.measure && i.measure.kind !== 'ratio');
  const partOptions = [{ value: '', label: t('indicators.choose') }, ...parts.map((i) => ({ value: i.code, label: indicatorLabel(i18n, i.code) }))];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.begin();
    const measure =
      kind === 'ratio'
        ? { kind, numerator, denominator }
        : {
            kind,
            filter: {
              ...(reach ? { services: 'reach' as const } : services.length ? { services } : {}),
              ...(results.length ? { result: results } : {}),
              ...(strategies.length ? { strategy: strategies } : {}),
              ...(modalities.length ? { modality: modalities } : {}),
              ...(atPremises ? { atPremises } : {}),
              ...(amongReached ? { amongReached } : {}),
            },
          };
    const checked = validate(IndicatorInput, { code, labels, measure });
    if (!form.check(checked)) return;
    await form.send(async () => {
      await createIndicator(checked.data);
      setCode('');
      setLabels({ fr: '', ar: '', en: '' });
      onCreated();
    });
  };

  return (
    <MarkRequired>
      <Card title={t('indicators.add')}>
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <p className="field-hint">{t('indicators.rebuildNote')}</p>
          {form.message ? <Alert tone={form.message.tone}>{form.message.text}</Alert> : null}
          <TextField label={t('indicators.code')} hint={t('indicators.codeHint')} value={code} onChange={setCode} error={errors.code} dir="ltr" autoComplete="off" required />
          <TextField label={t('indicators.nameFr')} value={labels.fr} onChange={(fr) => setLabels({ ...labels, fr })} error={errors['labels.fr']} lang="fr" dir="ltr" required />
          <TextField label={t('indicators.nameAr')} value={labels.ar} onChange={(ar) => setLabels({ ...labels, ar })} error={errors['labels.ar']} lang="ar" dir="rtl" required />
          <TextField label={t('indicators.nameEn')} value={labels.en} onChange={(en) => setLabels({ ...labels, en })} error={errors['labels.en']} lang="en" dir="ltr" required />
          <Select label={t('indicators.measure')} value={kind} onChange={(v) => setKind(v as Kind)} options={kinds.map((k) => ({ value: k, label: t(`indicators.kind.${k}`) }))} />
          {kind === 'ratio' ? (
            <>
              <Select label={t('indicators.numerator')} value={numerator} onChange={setNumerator} options={partOptions} error={errors['measure.numerator']} />
              <Select label={t('indicators.denominator')} value={denominator} onChange={setDenominator} options={partOptions} error={errors['measure.denominator']} />
            </>
          ) : (
            <>
              <Checkbox label={t('indicators.reach')} checked={reach} onChange={setReach} />
              {reach ? null : (
                <Choices legend={t('indicators.services')} hint={t('indicators.servicesHint')} values={serviceCodes} chosen={services} label={(v) => serviceLabel(i18n, v)} onChange={setServices} />
              )}
              <Choices legend={t('indicators.results')} values={testResults} chosen={results} label={(v) => valueLabel(i18n, 'result', v)} onChange={setResults} />
              <Choices legend={t('indicators.strategies')} values={testStrategies} chosen={strategies} label={(v) => valueLabel(i18n, 'strategy', v)} onChange={setStrategies} />
              <Choices legend={t('indicators.modalities')} values={contactModalities} chosen={modalities} label={(v) => valueLabel(i18n, 'modality', v)} onChange={setModalities} />
              <Checkbox label={t('indicators.atPremises')} checked={atPremises} onChange={setAtPremises} />
              <Checkbox label={t('indicators.amongReached')} checked={amongReached} onChange={setAmongReached} />
            </>
          )}
          <div className="form-actions">
            <FormButtons busy={busy}>{t('indicators.add')}</FormButtons>
          </div>
        </form>
      </Card>
    </MarkRequired>
  );
}
