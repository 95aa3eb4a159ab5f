import { catalogueOf, defaultPopulations, reportDimensions, type OrgUnitLevel, type ReportDimension } from '@relais/core';
import { getRegistrySettings } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { Button, CheckboxList, FieldGroup, Select, TextField } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { unitLabel, type OrgUnitNode } from '../org-units/org-unit-tree.ts';
import { dimensionLabel, dimensionValueLabel, type UnitNames } from './report-labels.ts';
import { typedDimensions, type FilterDraft } from './pivot-query.ts';

/** The filters: each a dimension and the values kept (a list to tick, or typed codes). */
export function FilterEditor({ filters, level, unitNames, units, onChange, onAdd }: {
  filters: readonly FilterDraft[];
  level: OrgUnitLevel | '';
  unitNames: UnitNames;
  /** The visible units (values of the unit and site filters). */
  units: readonly OrgUnitNode[];
  onChange: (filters: FilterDraft[]) => void;
  onAdd: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const settings = useApi(() => getRegistrySettings().catch(() => null), []);
  const populations = settings.data?.populations ?? [...defaultPopulations];

  const optionsOf = (dim: ReportDimension): { value: string; label: string }[] | null => {
    if (typedDimensions.has(dim)) return null;
    const unitOptions = (pick: (l: OrgUnitLevel) => boolean) =>
      units.filter((n) => n.unit.active && pick(n.unit.level)).map((n) => ({ value: n.unit.code, label: unitLabel(n.unit) }));
    if (dim === 'org_unit') return unitOptions((l) => (level ? l === level : l !== 'site'));
    if (dim === 'site') return unitOptions((l) => l === 'site');
    const values = dim === 'population' ? populations : (catalogueOf(dim) ?? []);
    return values.map((v) => ({ value: v, label: dimensionValueLabel(i18n, dim, v, unitNames) }));
  };
  const update = (id: number, patch: Partial<FilterDraft>) => onChange(filters.map((f) => (f.id === id ? { ...f, ...patch } : f)));

  return (
    <FieldGroup legend={t('pivot.filters')}>
      {filters.length === 0 ? <p className="field-hint">{t('pivot.noFilter')}</p> : null}
      {filters.map((f) => {
        const options = optionsOf(f.dim);
        const label = dimensionLabel(i18n, f.dim);
        return (
          <div key={f.id} className="filter-row" role="group" aria-label={t('pivot.filterOf', { dimension: label })}>
            <div className="filter-row-head">
              <Select
                label={t('pivot.filterDimension')}
                value={f.dim}
                options={reportDimensions
                  .filter((d) => d === f.dim || !filters.some((o) => o.dim === d))
                  .map((d) => ({ value: d, label: dimensionLabel(i18n, d) }))}
                onChange={(v) => update(f.id, { dim: v as ReportDimension, values: [], text: '' })}
              />
              <Button size="small" variant="ghost" onClick={() => onChange(filters.filter((o) => o.id !== f.id))}>
                {t('pivot.removeFilter', { dimension: label })}
              </Button>
            </div>
            {options ? (
              <fieldset className="fieldset fieldset-inner">
                <legend className="field-label">{t('pivot.filterValues')}</legend>
                {options.length === 0 ? <p className="field-hint">{t('common.noResults')}</p> : null}
                <CheckboxList options={options} values={f.values} onChange={(values) => update(f.id, { values })} />
              </fieldset>
            ) : (
              <TextField
                label={t('pivot.filterCodes')}
                hint={f.dim === 'worker' ? t('pivot.workerHint') : t('pivot.periodHint')}
                dir="ltr"
                value={f.text}
                onChange={(text) => update(f.id, { text })}
              />
            )}
          </div>
        );
      })}
      <div className="form-actions">
        <Button size="small" onClick={onAdd} disabled={filters.length >= reportDimensions.length}>
          {t('pivot.addFilter')}
        </Button>
      </div>
    </FieldGroup>
  );
}

