import { Select } from '../../ui/index.ts';
import { useT } from '../../i18n/i18n.tsx';
import { indentedLabel } from '../org-units/org-unit-tree.ts';
import { useWorkContext } from './work-context.tsx';
import type { ProgramCode } from '@relais/core';

/** Header control: choose the org unit and program you are working in. */
export function ContextSwitcher() {
  const t = useT();
  const ctx = useWorkContext();
  if (!ctx.loaded) return null;
  const unitOptions = ctx.units
    .filter((n) => n.unit.active)
    .map((n) => ({ value: n.unit.id, label: indentedLabel(n) }));
  const programOptions = [
    { value: '', label: t('context.allPrograms') },
    ...ctx.myPrograms.map((p) => ({ value: p, label: t(`program.${p}`) })),
  ];
  return (
    <section className="context-bar" aria-label={t('context.title')}>
      <Select
        label={t('context.orgUnit')}
        value={ctx.orgUnit?.id ?? ''}
        options={unitOptions.length ? unitOptions : [{ value: '', label: t('context.noUnit') }]}
        onChange={ctx.setOrgUnitId}
      />
      <Select
        label={t('context.program')}
        value={ctx.program ?? ''}
        options={programOptions}
        onChange={(v) => ctx.setProgram(v ? (v as ProgramCode) : null)}
      />
    </section>
  );
}
