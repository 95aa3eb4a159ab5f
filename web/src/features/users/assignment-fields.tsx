import type { ReactNode } from 'react';
import { roles, type ProgramCode, type Role } from '@relais/core';
import { newId } from '../../api/ids.ts';
import { Checkbox, FieldGroup, Select } from '../../ui/index.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { indentedLabel } from '../org-units/org-unit-tree.ts';
import { useWorkContext } from '../context/work-context.tsx';

/** An assignment being edited: a role on an org unit (and its subtree), for some programs or all. */
export interface AssignmentDraft {
  key: string;
  role: Role | '';
  orgUnitId: string;
  allPrograms: boolean;
  programs: ProgramCode[];
}

export function emptyAssignment(orgUnitId: string): AssignmentDraft {
  return { key: newId(), role: '', orgUnitId, allPrograms: true, programs: [] };
}

/** The request shape of a draft (NewAssignment); validated by the core schema before sending. */
export function assignmentInput(d: AssignmentDraft) {
  return { id: d.key, role: d.role === '' ? undefined : d.role, orgUnitId: d.orgUnitId, programs: d.allPrograms ? null : d.programs };
}

/** Role, unit and programs of one assignment. `prefix` maps field errors (e.g. `assignments.0.`). */
export function AssignmentFields({ draft, onChange, errors, prefix, legend, actions }: {
  draft: AssignmentDraft;
  onChange: (d: AssignmentDraft) => void;
  errors: FieldErrors;
  prefix: string;
  legend: string;
  actions?: ReactNode;
}) {
  const t = useT();
  const ctx = useWorkContext();
  const units = ctx.units.filter((n) => n.unit.active);
  const req = t('common.requiredMark');
  return (
    <FieldGroup legend={legend}>
      <div className="assignment">
        <Select
          label={t('field.role')}
          value={draft.role}
          required
          requiredLabel={req}
          error={errors[`${prefix}role`]}
          options={[{ value: '', label: '—' }, ...roles.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
          onChange={(v) => onChange({ ...draft, role: v as Role | '' })}
        />
        <Select
          label={t('field.orgUnitId')}
          value={draft.orgUnitId}
          required
          requiredLabel={req}
          error={errors[`${prefix}orgUnitId`]}
          options={[{ value: '', label: '—' }, ...units.map((n) => ({ value: n.unit.id, label: indentedLabel(n) }))]}
          onChange={(v) => onChange({ ...draft, orgUnitId: v })}
        />
        <fieldset className="fieldset fieldset-inner">
          <legend className="fieldset-legend">{t('field.programs')}</legend>
          <Checkbox
            label={t('users.allPrograms')}
            checked={draft.allPrograms}
            onChange={(allPrograms) => onChange({ ...draft, allPrograms })}
          />
          {draft.allPrograms ? null : (
            <div className="checkbox-list">
              {ctx.enabledPrograms.map((p) => (
                <Checkbox
                  key={p}
                  label={t(`program.${p}`)}
                  checked={draft.programs.includes(p)}
                  onChange={(on) =>
                    onChange({ ...draft, programs: on ? [...draft.programs, p] : draft.programs.filter((x) => x !== p) })
                  }
                />
              ))}
            </div>
          )}
          {errors[`${prefix}programs`] ? <p className="field-error">{t('users.choosePrograms')}</p> : null}
        </fieldset>
        {actions ? <div className="form-actions">{actions}</div> : null}
      </div>
    </FieldGroup>
  );
}
