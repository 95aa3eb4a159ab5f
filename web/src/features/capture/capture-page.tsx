import type { ComponentType } from 'react';
import type { RegistrySettings } from '@relais/core';
import type { Catalogue } from '../../api/catalogue.ts';
import { getCatalogue, getRegistrySettings } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Loading, Page } from '../../ui/index.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { useI18n, type TKey } from '../../i18n/i18n.tsx';
import { useWorkContext } from '../context/work-context.tsx';

/** What a capture form is given once the capture screen has read them. */
export interface CaptureFormProps {
  settings: RegistrySettings;
  catalogue: Catalogue;
}

/**
 * A capture screen: reads the registry settings and the catalogue, waits for the work context
 * (the defaults of unit and program come from it), then draws the form with them.
 */
export function CapturePage({ title, intro, form: Form }: { title: TKey; intro: TKey; form: ComponentType<CaptureFormProps> }) {
  const { t } = useI18n();
  const settings = useApi(() => getRegistrySettings(), []);
  const catalogue = useApi(() => getCatalogue(), []);
  const ctx = useWorkContext();
  const error = settings.error ?? catalogue.error;
  const ready = ctx.loaded && settings.data && catalogue.data;
  return (
    <Page title={t(title)} intro={t(intro)}>
      <ErrorAlert error={error} />
      {!error && !ready ? <Loading label={t('app.loading')} /> : null}
      {ready && settings.data && catalogue.data ? <Form settings={settings.data} catalogue={catalogue.data} /> : null}
    </Page>
  );
}
