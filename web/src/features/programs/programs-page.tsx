import { useState } from 'react';
import type { Program, ProgramCode } from '@relais/core';
import type { CatalogueProgram } from '../../api/catalogue.ts';
import { getCatalogue, listPrograms, updateProgram } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { useCan } from '../../app/session.tsx';
import { Alert, Card, Checkbox, Page } from '../../ui/index.ts';
import { ReadStatus, ErrorAlert } from '../../app/read-status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { ProgramServices } from './program-services.tsx';
import { DefinedServices } from './defined-services.tsx';

/**
 * Enable or disable the organisation's programs (each change saved at once); with
 * `settings.manage`, also each enabled program's services, reach and paquet minimum.
 */
export function ProgramsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const programs = useApi(() => listPrograms(), []);
  const canConfigure = useCan('settings.manage');
  const canDefine = useCan('program.manage');
  // The catalogue holds the enabled programs' settings; only loaded for who may change them.
  const catalogue = useApi(() => (canConfigure ? getCatalogue() : Promise.resolve(null)), [canConfigure]);
  const [busy, setBusy] = useState<ProgramCode | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const toggle = async (program: Program, enabled: boolean) => {
    const before = programs.data?.items ?? [];
    const withState = (items: Program[], code: ProgramCode, on: boolean) => items.map((p) => (p.code === code ? { ...p, enabled: on } : p));
    // Optimistic: the box changes at once, and goes back if the server refuses.
    programs.setData({ items: withState(before, program.code, enabled) });
    setBusy(program.code);
    setMessage(null);
    try {
      const saved = await updateProgram(program.code, enabled);
      programs.setData({ items: withState(before, saved.code, saved.enabled) });
      const name = t(`program.${saved.code}`);
      setMessage({ tone: 'success', text: saved.enabled ? t('programs.nowEnabled', { program: name }) : t('programs.nowDisabled', { program: name }) });
      ctx.reload();
      if (canConfigure) catalogue.reload();
    } catch (error) {
      programs.setData({ items: before });
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(null);
    }
  };

  const settingsOf = (code: ProgramCode) => catalogue.data?.programs.find((p) => p.code === code);
  const savedSettings = (saved: CatalogueProgram) => {
    if (catalogue.data) catalogue.setData({ ...catalogue.data, programs: catalogue.data.programs.map((p) => (p.code === saved.code ? saved : p)) });
  };

  return (
    <Page title={t('programs.title')} intro={t('programs.intro')}>
      <ReadStatus of={programs} />
      {programs.data ? (
        <Card>
          {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
          <ErrorAlert error={catalogue.error} />
          <ul className="toggle-list">
            {programs.data.items.map((p) => {
              const settings = p.enabled ? settingsOf(p.code) : undefined;
              return (
                <li key={p.code}>
                  <Checkbox
                    label={t(`program.${p.code}`)}
                    checked={p.enabled}
                    disabled={busy !== null}
                    aria-busy={busy === p.code || undefined}
                    onChange={(on) => void toggle(p, on)}
                  />
                  {settings && catalogue.data ? <ProgramServices program={settings} services={catalogue.data.services} defined={catalogue.data.definedServices.filter((d) => d.program === p.code)} onSaved={savedSettings} /> : null}
                  {p.enabled && canDefine ? <DefinedServices program={p.code} onChanged={canConfigure ? () => catalogue.reload() : undefined} /> : null}
                </li>
              );
            })}
          </ul>
        </Card>
      ) : null}
    </Page>
  );
}
