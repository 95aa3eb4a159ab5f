import type { ReactNode } from 'react';
import type { RegistrySettings } from '@relais/core';
import type { Catalogue } from '../../api/catalogue.ts';
import { getCatalogue, getRegistrySettings } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Loading, Page } from '../../ui/index.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkContext } from '../context/work-context.tsx';

/**
 * A capture screen: reads the registry settings and the catalogue, waits for the work context
 * (the defaults of unit and program come from it), then draws the form with them.
 */
export function CapturePage({ title, intro, children }: {
  title: string;
  intro: string;
  children: (settings: RegistrySettings, catalogue: Catalogue) => ReactNode;
}) {
  const { t } = useI18n();
  const settings = useApi(() => getRegistrySettings(), []);
  const catalogue = useApi(() => getCatalogue(), []);
  const ctx = useWorkContext();
  const error = settings.error ?? catalogue.error;
  const ready = ctx.loaded && settings.data && catalogue.data;
  return (
    <Page title={title} intro={intro}>
      <ErrorAlert error={error} />
      {!error && !ready ? <Loading label={t('app.loading')} /> : null}
      {ready && settings.data && catalogue.data ? children(settings.data, catalogue.data) : null}
    </Page>
  );
}
