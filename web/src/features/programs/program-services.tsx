import { useId, useState, type FormEvent } from 'react';
import type { ServiceCode } from '@relais/core';
import type { CatalogueProgram, CatalogueService } from '../../api/catalogue.ts';
import { updateProgramServices } from '../../api/endpoints.ts';
import { Alert, Button, Checkbox, Table, type Column } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { serviceLabel } from '../capture/service-labels.ts';

/** The three lists of a program's settings, as the form holds them. */
type ServiceList = 'services' | 'reach' | 'paquetMinimum';
type Draft = Record<ServiceList, readonly ServiceCode[]>;

const lists = ['services', 'reach', 'paquetMinimum'] as const;

/**
 * Checks or unchecks a service in one list. Reach and paquet minimum are subsets of the
 * offered services: a service no longer offered leaves them too.
 */
function withService(draft: Draft, list: ServiceList, code: ServiceCode, on: boolean): Draft {
  const set = (codes: readonly ServiceCode[]) => (on ? (codes.includes(code) ? codes : [...codes, code]) : codes.filter((c) => c !== code));
  if (list === 'services' && !on) return { services: set(draft.services), reach: set(draft.reach), paquetMinimum: set(draft.paquetMinimum) };
  return { ...draft, [list]: set(draft[list]) };
}

/** The saved settings as the form holds them (reach and paquet minimum kept within the offered services). */
function draftOf(program: CatalogueProgram): Draft {
  const offered = (codes: readonly ServiceCode[]) => codes.filter((c) => program.services.includes(c));
  return { services: program.services, reach: offered(program.reach), paquetMinimum: offered(program.paquetMinimum) };
}

/**
 * A program's services, collapsed under a toggle: which it offers, which count as reached and
 * its paquet minimum, one row per service of the catalogue, saved together.
 * Only for who holds `settings.manage` (the server also wants it on the root unit).
 */
export function ProgramServices({ program, services, onSaved }: {
  program: CatalogueProgram;
  /** The catalogue's services, in catalogue order (one row each). */
  services: readonly CatalogueService[];
  onSaved: (saved: CatalogueProgram) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(program));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const name = t(`program.${program.code}`);
  const title = t('programs.servicesOf', { program: name });

  const change = (list: ServiceList, code: ServiceCode, on: boolean) => {
    setDraft(withService(draft, list, code, on));
    setMessage(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (draft.services.length === 0) {
      setMessage({ tone: 'error', text: t('programs.noServiceOffered') });
      return;
    }
    // Saved in catalogue order, whatever the order of the clicks.
    const ordered = (codes: readonly ServiceCode[]) => services.map((s) => s.code).filter((c) => codes.includes(c));
    setBusy(true);
    try {
      const saved = await updateProgramServices(program.code, {
        services: ordered(draft.services),
        reach: ordered(draft.reach),
        paquetMinimum: ordered(draft.paquetMinimum),
      });
      setDraft(draftOf(saved));
      onSaved(saved);
      setMessage({ tone: 'success', text: t('programs.servicesSaved', { program: name }) });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(i18n, error) });
    } finally {
      setBusy(false);
    }
  };

  const headers: Record<ServiceList, string> = {
    services: t('programs.offered'),
    reach: t('programs.reach'),
    paquetMinimum: t('programs.paquetMinimum'),
  };
  const columns: Column<CatalogueService>[] = [
    { key: 'service', header: t('field.service'), render: (s) => serviceLabel(i18n, s.code) },
    ...lists.map(
      (list): Column<CatalogueService> => ({
        key: list,
        header: headers[list],
        render: (s) => (
          <Checkbox
            label={<span className="visually-hidden">{t('programs.serviceIn', { column: headers[list], service: serviceLabel(i18n, s.code) })}</span>}
            checked={draft[list].includes(s.code)}
            // Reach and paquet minimum only among the offered services.
            disabled={busy || (list !== 'services' && !draft.services.includes(s.code))}
            onChange={(on) => change(list, s.code, on)}
          />
        ),
      }),
    ),
  ];

  return (
    <div className="program-services">
      <Button
        size="small"
        variant="ghost"
        className="disclosure"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={title}
        onClick={() => setOpen((o) => !o)}
      >
        {t('programs.services')}
      </Button>
      {open ? (
        <form id={panelId} className="stack program-services-form" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
          <div>
            <p className="field-hint">{t('programs.servicesHint')}</p>
            <p className="field-hint">{t('programs.subsetHint')}</p>
          </div>
          <Table caption={title} columns={columns} rows={services} rowKey={(s) => s.code} empty={t('programs.noServices')} />
          {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy} aria-label={busy ? undefined : t('programs.saveServicesOf', { program: name })}>
              {busy ? t('common.saving') : t('common.save')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
