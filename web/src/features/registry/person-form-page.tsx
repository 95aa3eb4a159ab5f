import type { ReactNode } from 'react';
import type { Beneficiary } from '@relais/core';
import { getBeneficiary } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Link, navigate } from '../../app/router.tsx';
import { Loading, Page, Select } from '../../ui/index.ts';
import { SubmitForm } from '../../app/form-buttons.tsx';
import type { FormSubmit } from '../../api/use-form-submit.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { unitOptions } from '../capture/place.ts';
import type { OrgUnitNode } from '../org-units/org-unit-tree.ts';

/**
 * A page holding one form about one person, opened from her record (open a case, collect a
 * story): loads her record, the settings the form needs and the work context, says what failed,
 * and links back to her record.
 */
export function PersonFormPage<S>(props: {
  beneficiaryId: string;
  loadSettings: () => Promise<S>;
  title: (code: string | null) => string;
  intro: string;
  backLabel: string;
  children: (person: Beneficiary, settings: S) => ReactNode;
}) {
  const i18n = useI18n();
  const person = useApi(() => getBeneficiary(props.beneficiaryId), [props.beneficiaryId]);
  // The settings loader is the page's own and does not change between renders.
  const settings = useApi(props.loadSettings, []);
  const ctx = useWorkContext();
  const error = person.error ?? settings.error;
  const ready = person.data !== undefined && settings.data !== undefined && ctx.loaded;
  return (
    <Page
      title={props.title(person.data?.code ?? null)}
      intro={props.intro}
      actions={props.beneficiaryId ? <Link to={`/beneficiaries/${props.beneficiaryId}`}>{props.backLabel}</Link> : undefined}
      narrow
    >
      <ErrorAlert error={error} />
      {!error && !ready ? <Loading label={i18n.t('app.loading')} /> : null}
      {ready && person.data && settings.data !== undefined ? props.children(person.data, settings.data) : null}
    </Page>
  );
}

/** The form of such a page, named `label`: the outcome of the last try above, submit and cancel (back to her record) below. */
export function PersonForm({ person, label, submitLabel, form, onSubmit, children }: {
  person: Beneficiary;
  label: string;
  submitLabel: string;
  form: FormSubmit;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <SubmitForm className="form card" label={label} form={form} onSubmit={onSubmit} onCancel={() => navigate(`/beneficiaries/${person.id}`)} submitLabel={submitLabel}>
      {children}
    </SubmitForm>
  );
}

/** A required choice among the reader's programs (`chooseLabel` first, for none yet). */
export function ProgramSelect({ value, chooseLabel, error, onChange }: { value: string; chooseLabel: string; error: string | undefined; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const ctx = useWorkContext();
  return (
    <Select
      label={t('field.program')}
      value={value}
      required
      error={error}
      options={[{ value: '', label: chooseLabel }, ...ctx.myPrograms.map((p) => ({ value: p, label: t(`program.${p}`) }))]}
      onChange={onChange}
    />
  );
}

/** A required choice among `units` (`chooseLabel` first, for none yet). */
export function UnitSelect({ units, value, chooseLabel, error, onChange }: { units: readonly OrgUnitNode[]; value: string; chooseLabel: string; error: string | undefined; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return <Select label={t('field.orgUnitId')} value={value} required error={error} options={unitOptions(units, chooseLabel)} onChange={onChange} />;
}
