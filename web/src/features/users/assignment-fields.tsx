import type { ReactNode } from 'react';
import { recordingUnitIds, roleGrants, roles, unitsUnder, type OrgUnit, type ProgramCode, type Role } from '@relais/core';
import { newId } from '../../api/ids.ts';
import { Checkbox, CheckboxList, FieldGroup, Select } from '../../ui/index.ts';
import { isolate } from '../../i18n/bidi.ts';
import { useT, type I18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../i18n/errors.ts';
import { indentedLabel } from '../org-units/org-unit-tree.ts';
import { useWorkContext } from '../context/work-context.tsx';
import { MarkRequired } from '../../app/mark-required.tsx';

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

/**
 * Where a worker with this assignment will record contacts, told to the administrator (a site
 * records at the site and counts in its section; a region picks a unit under it); a warning when
 * nowhere. Undefined for roles that record nothing.
 */
export function recordingNote(t: I18n['t'], units: readonly OrgUnit[], d: Pick<AssignmentDraft, 'role' | 'orgUnitId'>): { text: string; warn: boolean } | undefined {
  const unit = units.find((u) => u.id === d.orgUnitId);
  if (!unit || d.role === '' || !roleGrants(d.role, 'service.write')) return undefined;
  const places = recordingUnitIds(unitsUnder(units, unit.id));
  if (places.size === 0) return { text: t('users.recordsNowhere', { unit: isolate(unit.name) }), warn: true };
  if (unit.level === 'site') {
    const byId = new Map(units.map((u) => [u.id, u]));
    let section = unit.parentId ? byId.get(unit.parentId) : undefined;
    while (section && section.level === 'site' && section.parentId) section = byId.get(section.parentId);
    return { text: section ? t('users.recordsAtSite', { unit: isolate(unit.name), section: isolate(section.name) }) : t('users.recordsAtSiteAlone', { unit: isolate(unit.name) }), warn: false };
  }
  if (!places.has(unit.id)) return { text: t('users.recordsUnder', { unit: isolate(unit.name), count: places.size }), warn: false };
  return undefined;
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
  const note = recordingNote(t, ctx.units.map((n) => n.unit), draft);
  return (
    <MarkRequired>
      <FieldGroup legend={legend}>
        <div className="assignment">
          <Select
            label={t('field.role')}
            value={draft.role}
            required
            error={errors[`${prefix}role`]}
            options={[{ value: '', label: '—' }, ...roles.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
            onChange={(v) => onChange({ ...draft, role: v as Role | '' })}
          />
          <Select
            label={t('field.orgUnitId')}
            value={draft.orgUnitId}
            required
            error={errors[`${prefix}orgUnitId`]}
            options={[{ value: '', label: '—' }, ...units.map((n) => ({ value: n.unit.id, label: indentedLabel(n) }))]}
            onChange={(v) => onChange({ ...draft, orgUnitId: v })}
          />
          {note ? (
            <p className={note.warn ? 'field-error' : 'field-hint'} role={note.warn ? 'alert' : undefined} data-testid="recording-note">
              {note.text}
            </p>
          ) : null}
          <fieldset className="fieldset fieldset-inner">
            <legend className="fieldset-legend">{t('field.programs')}</legend>
            <Checkbox
              label={t('users.allPrograms')}
              checked={draft.allPrograms}
              onChange={(allPrograms) => onChange({ ...draft, allPrograms })}
            />
            {draft.allPrograms ? null : (
              <CheckboxList options={ctx.enabledPrograms.map((p) => ({ value: p, label: t(`program.${p}`) }))} values={draft.programs} onChange={(programs) => onChange({ ...draft, programs })} />
            )}
            {errors[`${prefix}programs`] ? <p className="field-error">{t('users.choosePrograms')}</p> : null}
          </fieldset>
          {actions ? <div className="form-actions">{actions}</div> : null}
        </div>
      </FieldGroup>
    </MarkRequired>
  );
}
