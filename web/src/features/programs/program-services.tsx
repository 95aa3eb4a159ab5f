import { useId, useState, type FormEvent } from 'react';
import type { DefinedService, ServiceCode } from '@relais/core';
import type { CatalogueProgram, CatalogueService } from '../../api/catalogue.ts';
import { updateProgramServices } from '../../api/endpoints.ts';
import { Alert, Button, Checkbox, Table, type Column } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { serviceLabel } from '../capture/service-labels.ts';

/** The three lists of a program's settings, as the form holds them. */
type ServiceList = 'services' | 'reach' | 'paquetMinimum';
type Draft = { services: readonly ServiceCode[]; reach: readonly string[]; paquetMinimum: readonly string[] };

/** One row of the table: a built-in service of the catalogue, or one the organisation defined for the program (offered by its definition). */
interface Row {
  code: string;
  defined?: DefinedService;
}

const lists = ['services', 'reach', 'paquetMinimum'] as const;

/**
 * Checks or unchecks a service in one list. Reach and paquet minimum are subsets of the
 * offered services: a service no longer offered leaves them too.
 */
function withService(draft: Draft, list: ServiceList, code: string, on: boolean): Draft {
  const set = <C extends string>(codes: readonly C[]) => (on ? (codes.includes(code as C) ? codes : [...codes, code as C]) : codes.filter((c) => c !== code));
  if (list === 'services' && !on) return { services: set(draft.services), reach: set(draft.reach), paquetMinimum: set(draft.paquetMinimum) };
  return { ...draft, [list]: set(draft[list]) };
}

/** Is the service offered: a built-in one the program lists, or one defined for it? */
const isOffered = (draft: Draft, row: Row) => row.defined !== undefined || (draft.services as readonly string[]).includes(row.code);

/** The saved settings as the form holds them (reach and paquet minimum kept within the offered services). */
function draftOf(program: CatalogueProgram, defined: readonly DefinedService[]): Draft {
  const offered = (codes: readonly string[]) => codes.filter((c) => (program.services as readonly string[]).includes(c) || defined.some((d) => d.code === c));
  return { services: program.services, reach: offered(program.reach), paquetMinimum: offered(program.paquetMinimum) };
}

/**
 * A program's services, collapsed under a toggle: which it offers, which count as reached and
 * its paquet minimum, one row per service of the catalogue, saved together.
 * Only for who holds `settings.manage` (the server also wants it on the root unit).
 */
export function ProgramServices({ program, services, defined, onSaved }: {
  program: CatalogueProgram;
  /** The catalogue's services, in catalogue order (one row each). */
  services: readonly CatalogueService[];
  /** The services the organisation defined for this program (ADR 0028), after the built-in ones. */
  defined: readonly DefinedService[];
  onSaved: (saved: CatalogueProgram) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(program, defined));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; say: (i: typeof i18n) => string } | null>(null);
  const name = t(`program.${program.code}`);
  const title = t('programs.servicesOf', { program: name });

  const rows: Row[] = [...services.map((s) => ({ code: s.code })), ...defined.map((d) => ({ code: d.code, defined: d }))];
  const change = (list: ServiceList, code: string, on: boolean) => {
    setDraft(withService(draft, list, code, on));
    setMessage(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (draft.services.length === 0) {
      setMessage({ tone: 'error', say: (i) => i.t('programs.noServiceOffered') });
      return;
    }
    // Saved in catalogue order, whatever the order of the clicks.
    const ordered = <C extends string>(codes: readonly C[]) => rows.map((r) => r.code as C).filter((c) => codes.includes(c));
    setBusy(true);
    try {
      const saved = await updateProgramServices(program.code, {
        services: ordered(draft.services),
        reach: ordered(draft.reach),
        paquetMinimum: ordered(draft.paquetMinimum),
      });
      setDraft(draftOf(saved, defined));
      onSaved(saved);
      // Said in the language of the moment (a change of language after saving says it again).
      setMessage({ tone: 'success', say: (i) => i.t('programs.servicesSaved', { program: i.t(`program.${program.code}`) }) });
    } catch (error) {
      setMessage({ tone: 'error', say: (i) => describeError(i, error) });
    } finally {
      setBusy(false);
    }
  };

  const headers: Record<ServiceList, string> = {
    services: t('programs.offered'),
    reach: t('programs.reach'),
    paquetMinimum: t('programs.paquetMinimum'),
  };
  // A defined service says so (its name may be a built-in one's: « Douche »), in the row and in its boxes' names.
  const label = (r: Row) => (r.defined ? `${r.defined.labels[i18n.locale]} ${r.defined.retired ? t('programs.definedRetired') : t('programs.defined')}` : serviceLabel(i18n, r.code));
  // A defined service is offered by its definition; a retired one joins no paquet minimum (it can no longer be given).
  const fixed = (r: Row, list: ServiceList) => r.defined !== undefined && (list === 'services' || (list === 'paquetMinimum' && r.defined.retired && !draft.paquetMinimum.includes(r.code)));
  const columns: Column<Row>[] = [
    {
      key: 'service',
      header: t('field.service'),
      render: (r) => (r.defined ? <>{r.defined.labels[i18n.locale]} <span className="field-hint">{r.defined.retired ? t('programs.definedRetired') : t('programs.defined')}</span></> : label(r)),
    },
    ...lists.map(
      (list): Column<Row> => ({
        key: list,
        header: headers[list],
        render: (r) => (
          <Checkbox
            label={<span className="visually-hidden">{t('programs.serviceIn', { column: headers[list], service: label(r) })}</span>}
            checked={list === 'services' ? isOffered(draft, r) : draft[list].includes(r.code)}
            // Reach and paquet minimum only among the offered services.
            disabled={busy || fixed(r, list) || (list !== 'services' && !isOffered(draft, r))}
            onChange={(on) => change(list, r.code, on)}
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
          <Table caption={title} columns={columns} rows={rows} rowKey={(r) => r.code} empty={t('programs.noServices')} />
          {message ? <Alert tone={message.tone}>{message.say(i18n)}</Alert> : null}
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
