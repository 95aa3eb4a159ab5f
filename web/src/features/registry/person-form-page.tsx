import type { ReactNode } from 'react';
import type { Beneficiary } from '@relais/core';
import { getBeneficiary } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../app/router.tsx';
import { Loading, Page } from '../../ui/index.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkContext } from '../context/work-context.tsx';

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
