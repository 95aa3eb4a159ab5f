import type { ProgramCode } from '@relais/core';
import type { Catalogue } from '../../api/catalogue.ts';
import { Select } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { programLabel } from '../../i18n/labels.ts';
import { useWorkContext } from '../context/work-context.tsx';
import type { PlaceDraft } from '../capture/place-fields.tsx';
import { recordingUnits, unitOptions } from '../capture/place.ts';

/** The program and the unit (where she records) of a training or a disclosure: the capture's choices, without a date or site. */
export function ProgramUnitFields({ place, onChange, catalogue, errors }: { place: PlaceDraft; onChange: (p: PlaceDraft) => void; catalogue: Catalogue; errors: FieldErrors }) {
  const { t } = useI18n();
  const ctx = useWorkContext();
  const req = t('common.requiredMark');
  const programs = catalogue.programs.filter((p) => ctx.myPrograms.includes(p.code));
  return (
    <>
      <Select
        label={t('field.program')}
        value={place.program}
        required
        requiredLabel={req}
        error={errors.program}
        options={programs.length ? programs.map((p) => ({ value: p.code, label: programLabel(t, p.code) })) : [{ value: '', label: t('capture.noProgram') }]}
        onChange={(v) => onChange({ ...place, program: v as ProgramCode })}
      />
      <Select
        label={t('capture.unit')}
        value={place.unitId}
        required
        requiredLabel={req}
        error={errors.orgUnitId}
        options={unitOptions(recordingUnits(ctx.units), t('context.noUnit'))}
        onChange={(unitId) => onChange({ ...place, unitId, siteId: '' })}
      />
    </>
  );
}
