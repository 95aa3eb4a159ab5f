import { useRef, useState } from 'react';
import { RegisterBeneficiary, birthYearFromCode, sexLetterFromCode, sexOfCodeLetter, type CodeCheckResult, type CodeScheme, type RegistrySettings } from '@relais/core';
import { ApiError } from '../../api/client.ts';
import { getRegistrySettings, registerBeneficiary } from '../../api/endpoints.ts';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { validate } from '../../api/validate.ts';
import { navigate } from '../../app/router.tsx';
import { Alert, Button, Card, Code, Form, Page, Select, TextField } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { FormButtons } from '../../app/form-buttons.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { indentedLabel } from '../org-units/org-unit-tree.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { CodeField } from './code-field.tsx';
import { CodeHelper } from './code-helper.tsx';
import { CodeLookupStatus, CodeProblems, ExactMatch, ExistsElsewhere, ProbableMatches, useClaim, useCodeLookup } from './code-check.tsx';
import { emptyRecordDraft, errorOf, RecordFields, recordInput, type RecordDraft } from './record-fields.tsx';
import { todayIso } from './registry-labels.ts';
import { MarkRequired } from '../../app/mark-required.tsx';
import { afterRegistration } from '../referrals/referral-link.tsx';
import { saveOrQueue } from '../../offline/outbox.ts';
import { Link } from '../../app/router.tsx';

/** Register a person, code first: the code says at once whether she is already known. */
export function RegisterPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const settings = useApi(() => getRegistrySettings(), []);
  return (
    <Page title={t('register.title')} intro={t('register.intro')}>
      <ReadStatus of={settings} />
      {settings.data ? <RegisterForm settings={settings.data} /> : null}
    </Page>
  );
}

function RegisterForm({ settings }: { settings: RegistrySettings }) {
  const { t } = useI18n();
  const ctx = useWorkContext();
  const scheme: CodeScheme = settings.codeScheme;
  // A code may come from the address (e.g. "register this person" from the service capture).
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  const [helperOpen, setHelperOpen] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const lookup = useCodeLookup(scheme, code);
  const { ready, result } = lookup;
  /** The code for which the user declared "new person" after seeing the probable matches. */
  const [newPersonFor, setNewPersonFor] = useState<string | null>(null);
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const unitId = orgUnitId ?? ctx.orgUnit?.id ?? '';
  const { claim, claiming, claimError } = useClaim(unitId, (b) => navigate(`/beneficiaries/${b.id}?claimed=1`));

  const decidedNew = ready !== null && newPersonFor === ready;
  const showForm = result !== null && result.problems.length === 0 && !result.exact && !result.existsElsewhere && (result.probable.length === 0 || decidedNew);

  return (
    <>
      <div className="code-first">
        <Card title={t('register.codeTitle')}>
          <CodeField
            scheme={scheme}
            label={t('register.codeLabel')}
            value={code}
            onChange={setCode}
            inputRef={codeInput}
            onOpenBuilder={() => setHelperOpen(true)}
            onScan={setCode}
            after={
              <div className="form-actions">
                <Button size="small" aria-expanded={helperOpen} aria-controls="code-helper" onClick={() => setHelperOpen((o) => !o)}>
                  {helperOpen ? t('codeHelper.close') : t('codeHelper.open')}
                </Button>
              </div>
            }
          />
          <CodeLookupStatus lookup={lookup} claimError={claimError} />
          {result ? (
            <CheckOutcome
              result={result}
              decidedNew={decidedNew}
              claiming={claiming}
              unitName={ctx.units.find((n) => n.unit.id === unitId)?.unit.name ?? ''}
              onClaim={claim}
              onNewPerson={() => setNewPersonFor(result.code)}
            />
          ) : null}
        </Card>
        {helperOpen ? (
          <CodeHelper
            id="code-helper"
            autoFocus
            scheme={scheme}
            onUse={(built) => {
              setCode(built);
              setHelperOpen(false);
              codeInput.current?.focus();
            }}
          />
        ) : null}
      </div>
      {showForm && result ? (
        <RecordForm
          key={result.code}
          code={result.code}
          scheme={scheme}
          settings={settings}
          distinctFrom={decidedNew ? result.probable.flatMap((p) => (p.id ? [p.id] : [])) : []}
          unitId={unitId}
          onUnitChange={setOrgUnitId}
          onClaim={claim}
        />
      ) : null}
    </>
  );
}

/** What the server knows about the code: the person herself, a person elsewhere, or near codes. */
function CheckOutcome({ result, decidedNew, claiming, unitName, onClaim, onNewPerson }: {
  result: CodeCheckResult;
  decidedNew: boolean;
  claiming: string | null;
  unitName: string;
  onClaim: (code: string) => void;
  onNewPerson: () => void;
}) {
  const { t } = useI18n();
  if (result.problems.length > 0) return <CodeProblems result={result} />;
  if (result.exact) {
    const exact = result.exact;
    const open = (
      <Button variant="primary" onClick={() => navigate(`/beneficiaries/${exact.id}`)}>
        {t('register.openRecord')}
      </Button>
    );
    return <ExactMatch result={result} exact={exact} tone="warning" title={t('register.exists')} action={open} />;
  }
  if (result.existsElsewhere) {
    return <ExistsElsewhere code={result.code} claiming={claiming} onClaim={onClaim} hint={t('register.existsElsewhereHint', { unit: unitName })} />;
  }
  if (result.probable.length === 0) {
    return <Alert tone="success">{t('register.noMatch')}</Alert>;
  }
  return (
    <ProbableMatches
      result={result}
      titleId="probable-title"
      title={t('register.probableTitle', { count: result.probable.length })}
      hint={t('register.probableHint')}
      action={(p) => (
        <Button
          busy={claiming === p.code}
          aria-label={t('register.samePersonAs', { code: p.code })}
          onClick={() => (p.inScope && p.id ? navigate(`/beneficiaries/${p.id}`) : onClaim(p.code))}
        >
          {t('register.samePerson')}
        </Button>
      )}
    >
      {decidedNew ? (
        <Alert tone="info">{t('register.newPersonDecided')}</Alert>
      ) : (
        <div className="form-actions">
          <Button variant="primary" onClick={onNewPerson}>
            {t('register.newPerson')}
          </Button>
          <span className="field-hint">{t('register.newPersonHint')}</span>
        </div>
      )}
    </ProbableMatches>
  );
}

/** The rest of the record, once the code is known to be new. */
function RecordForm({ code, scheme, settings, distinctFrom, unitId, onUnitChange, onClaim }: {
  code: string;
  scheme: CodeScheme;
  settings: RegistrySettings;
  distinctFrom: string[];
  unitId: string;
  onUnitChange: (id: string) => void;
  onClaim: (code: string) => void;
}) {
  const { t } = useI18n();
  const ctx = useWorkContext();
  const [id] = useState(newId);
  const [draft, setDraft] = useState<RecordDraft>(() => {
    const year = birthYearFromCode(scheme, code);
    const letter = sexLetterFromCode(scheme, code);
    return {
      ...emptyRecordDraft,
      birthYear: year === null ? '' : String(year),
      sex: sexOfCodeLetter(letter) ?? '',
      populations: settings.populations.length === 1 ? [...settings.populations] : [],
    };
  });
  const [registeredOn, setRegisteredOn] = useState(todayIso);
  /** Registered on this device (no network): in the outbox. */
  const [isQueued, setQueued] = useState(false);
  const form = useFormSubmit();
  const { errors, failure } = form;
  const units = ctx.units.filter((n) => n.unit.active);
  const yearFromCode = birthYearFromCode(scheme, code);

  const submit = async () => {
    form.begin();
    const checked = validate(RegisterBeneficiary, { id, code, orgUnitId: unitId, registeredOn, ...recordInput(draft), distinctFrom });
    if (!form.check(checked)) return;
    await form.send(async () => {
      const b = await saveOrQueue(() => registerBeneficiary(checked.data), { id, kind: 'register_beneficiary', payload: checked.data, label: code, date: registeredOn });
      if (b === 'queued') return setQueued(true);
      // Registered from a referral received: linked to it, back to the referral.
      navigate((await afterRegistration(b.id)) ?? `/beneficiaries/${b.id}?registered=1`);
    });
  };

  const existingId = failure instanceof ApiError && failure.code === 'beneficiary_exists' ? String(failure.params.id ?? '') : '';
  const elsewhere = failure instanceof ApiError && failure.code === 'beneficiary_exists_elsewhere';
  if (isQueued) {
    return (
      <Alert tone="success" action={<Link to="/contacts/new" className="btn btn-secondary">{t('outbox.recordContact')}</Link>}>
        {t('outbox.registeredOnDevice', { code })}
      </Alert>
    );
  }
  return (
    <MarkRequired>
      <Form className="form card" aria-labelledby="record-form-title" onSubmit={submit} actions={<FormButtons busy={form.busy}>{t('register.submit')}</FormButtons>}>
        <h2 id="record-form-title" className="card-title">
          {t('register.recordTitle')}{' '}
          <Code>{code}</Code>
        </h2>
        {form.message ? (
          <Alert
            tone="error"
            action={
              existingId ? (
                <Button onClick={() => navigate(`/beneficiaries/${existingId}`)}>{t('register.openRecord')}</Button>
              ) : elsewhere ? (
                <Button onClick={() => onClaim(code)}>{t('register.claim')}</Button>
              ) : undefined
            }
          >
            {form.message.text}
          </Alert>
        ) : null}
        {errors.code && !form.message ? <Alert tone="error">{errors.code}</Alert> : null}
        <div className="grid-2">
          <Select
            label={t('register.unit')}
            value={unitId}
            required
            error={errorOf(errors, 'orgUnitId')}
            options={units.length ? units.map((n) => ({ value: n.unit.id, label: indentedLabel(n) })) : [{ value: '', label: t('context.noUnit') }]}
            onChange={onUnitChange}
          />
          <TextField
            label={t('field.registeredOn')}
            type="date"
            value={registeredOn}
            max={todayIso()}
            required
            error={errors.registeredOn}
            onChange={setRegisteredOn}
          />
        </div>
        <RecordFields
          draft={draft}
          onChange={setDraft}
          errors={errors}
          populations={settings.populations}
          birthYearHint={yearFromCode !== null && draft.birthYear === String(yearFromCode) ? t('register.birthYearFromCode') : undefined}
        />
      </Form>
    </MarkRequired>
  );
}
