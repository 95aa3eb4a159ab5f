import { useState } from 'react';
import type { ProgramCode } from '@relais/core';
import type { Catalogue } from '../../api/catalogue.ts';
import { Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { programLabel } from '../../i18n/labels.ts';
import { useWorkContext, type WorkContext } from '../context/work-context.tsx';
import { todayIso } from '../registry/registry-labels.ts';
import { unitLabel } from '../org-units/org-unit-tree.ts';
import { defaultPlace, recordingUnits, sitesUnder, unitOptions } from './place.ts';
import { MarkRequired } from '../../app/mark-required.tsx';

/** When, where and for which program a contact or a group session took place. */
export interface PlaceDraft {
  date: string;
  program: ProgramCode | '';
  unitId: string;
  siteId: string;
}

/** The programs of the catalogue the user works in. */
function myPrograms(catalogue: Catalogue, ctx: WorkContext) {
  return catalogue.programs.filter((p) => ctx.myPrograms.includes(p.code));
}

/**
 * The place being filled in, first today in the work context's unit (or site) and program — or in
 * the program and unit of `prefill` (a link from another screen) when she works there.
 */
export function usePlaceDraft(catalogue: Catalogue, prefill: { program?: string | null; orgUnitId?: string | null } = {}): [PlaceDraft, (place: PlaceDraft) => void] {
  const ctx = useWorkContext();
  return useState<PlaceDraft>(() => {
    const programs = myPrograms(catalogue, ctx);
    const program = [prefill.program, ctx.program].find((code) => code && programs.some((p) => p.code === code));
    const unit = prefill.orgUnitId && recordingUnits(ctx.units).some((n) => n.unit.id === prefill.orgUnitId) ? prefill.orgUnitId : ctx.orgUnit?.id;
    return {
      date: todayIso(),
      program: (program as ProgramCode | undefined) ?? programs[0]?.code ?? '',
      ...defaultPlace(ctx.units, unit),
    };
  });
}

/** The place as the record contracts name it. */
export function placeInput(place: PlaceDraft) {
  return { date: place.date, orgUnitId: place.unitId, siteId: place.siteId || null, program: place.program };
}

/** The program and the unit (where she records) of a record: the choices every capture form shares. */
export function ProgramUnitFields({ place, onChange, catalogue, errors }: { place: PlaceDraft; onChange: (place: PlaceDraft) => void; catalogue: Catalogue; errors: FieldErrors }) {
  const { t } = useI18n();
  const ctx = useWorkContext();
  const programs = myPrograms(catalogue, ctx);
  const programOptions = programs.length ? programs.map((p) => ({ value: p.code, label: programLabel(t, p.code) })) : [{ value: '', label: t('capture.noProgram') }];
  const units = recordingUnits(ctx.units);
  return (
    <MarkRequired>
      <>
        <Select label={t('field.program')} value={place.program} required error={errors.program} options={programOptions} onChange={(v) => onChange({ ...place, program: v as ProgramCode })} />
        <Select label={t('capture.unit')} value={place.unitId} required error={errors.orgUnitId} hint={units.length ? undefined : t('capture.noRecordingUnit')} options={unitOptions(units, t('context.noUnit'))} onChange={(unitId) => onChange({ ...place, unitId, siteId: '' })} />
      </>
    </MarkRequired>
  );
}

/** Date, program, unit and (when the unit has sites) site: the fields a contact and a group session share. */
export function PlaceFields({ place, onChange, catalogue, errors, dateHint }: {
  place: PlaceDraft;
  onChange: (place: PlaceDraft) => void;
  catalogue: Catalogue;
  errors: FieldErrors;
  dateHint?: string | undefined;
}) {
  const { t } = useI18n();
  const ctx = useWorkContext();
  const sites = place.unitId ? sitesUnder(ctx.units, place.unitId) : [];
  const siteOptions = [{ value: '', label: t('capture.noSite') }, ...sites.map((n) => ({ value: n.unit.id, label: unitLabel(n.unit) }))];
  return (
    <MarkRequired>
      <>
        <TextField
          label={t('field.date')}
          type="date"
          value={place.date}
          max={todayIso()}
          required
          hint={dateHint}
          error={errors.date}
          onChange={(date) => onChange({ ...place, date })}
        />
        <ProgramUnitFields place={place} onChange={onChange} catalogue={catalogue} errors={errors} />
        {sites.length ? <Select label={t('field.siteId')} value={place.siteId} error={errors.siteId} options={siteOptions} onChange={(siteId) => onChange({ ...place, siteId })} /> : null}
      </>
    </MarkRequired>
  );
}
