import { useState } from 'react';
import type { DefinedService, ProgramCode } from '@relais/core';
import { listDefinedServices } from '../../api/defined-services.ts';
import { useApi } from '../../api/use-api.ts';
import { ErrorAlert } from '../../app/read-status.tsx';
import { Alert, Button } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DefinedServiceForm } from './defined-service-form.tsx';
import { ServicePictogram } from './service-pictogram.tsx';

/**
 * The services the organisation defined for one program (ADR 0028): each with its pictogram,
 * name, code and version (retired ones marked), "Modifier", and "Ajouter une prestation".
 * Shown to who holds `program.manage`.
 */
export function DefinedServices({ program, onChanged }: { program: ProgramCode; onChanged?: () => void }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const list = useApi(() => listDefinedServices(program), [program]);
  const [editing, setEditing] = useState<DefinedService | 'new' | null>(null);
  const [saved, setSaved] = useState<DefinedService | null>(null);
  const title = t('definedServices.titleOf', { program: t(`program.${program}`) });

  const done = (s: DefinedService) => {
    setEditing(null);
    setSaved(s);
    list.reload();
    onChanged?.();
  };

  return (
    <section className="defined-services" aria-label={title}>
      <h3 className="subheading">{title}</h3>
      <ErrorAlert error={list.error} />
      {saved ? <Alert tone="success">{t('definedServices.saved', { service: saved.labels[locale], n: saved.version })}</Alert> : null}
      {list.data && list.data.items.length === 0 ? <p className="field-hint">{t('definedServices.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="defined-service-list">
          {list.data.items.map((d) => (
            <li key={d.code} className={d.retired ? 'is-retired' : undefined}>
              <ServicePictogram name={d.pictogram} />
              <span className="defined-service-label">
                <strong>{d.labels[locale]}</strong> <code dir="ltr">{d.code}</code> · {t('definedServices.version', { n: d.version })}
                {d.retired ? ` · ${t('definedServices.retiredBadge')}` : ''}
              </span>
              <Button size="small" onClick={() => { setSaved(null); setEditing(d); }}>
                {t('definedServices.edit', { service: d.labels[locale] })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? (
        <DefinedServiceForm key={editing === 'new' ? 'new' : editing.code} program={program} editing={editing === 'new' ? null : editing} onSaved={done} onCancel={() => setEditing(null)} />
      ) : (
        <div className="form-actions">
          <Button onClick={() => { setSaved(null); setEditing('new'); }}>{t('definedServices.add')}</Button>
        </div>
      )}
    </section>
  );
}
