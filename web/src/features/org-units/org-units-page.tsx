import { useMemo, useState } from 'react';
import { CreateOrgUnit, orgUnitLevels, UpdateOrgUnit, type OrgUnit, type OrgUnitLevel } from '@relais/core';
import { createOrgUnit, listOrgUnits, updateOrgUnit } from '../../api/endpoints.ts';
import { listTerritories } from '../../api/directory.ts';
import { newId } from '../../api/ids.ts';
import { useApi } from '../../api/use-api.ts';
import { useFormSubmit } from '../../api/use-form-submit.ts';
import { changedFields } from '../../api/changes.ts';
import { validate } from '../../api/validate.ts';
import { Alert, Card, Checkbox, CodeTextField, Form, Page, Select, TextField } from '../../ui/index.ts';
import { ReadStatus } from '../../app/read-status.tsx';
import { FormButtons } from '../../app/form-buttons.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkContext } from '../context/work-context.tsx';
import { territoryName } from '../directory/directory-labels.ts';
import { buildOrgUnitTree, inheritedTerritory, type OrgUnitNode } from './org-unit-tree.ts';
import { MarkRequired } from '../../app/mark-required.tsx';

type Message = { tone: 'error' | 'success'; text: string } | null;

/** The org-unit tree: select a unit to edit it or add a sub-unit. */
export function OrgUnitsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const ctx = useWorkContext();
  const units = useApi(() => listOrgUnits(), []);
  const territories = useApi(() => listTerritories(), []);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);

  const items = useMemo(() => units.data?.items ?? [], [units.data]);
  const tree = useMemo(() => buildOrgUnitTree(items, i18n.locale), [items, i18n.locale]);
  const selected = items.find((u) => u.id === (selectedId ?? tree[0]?.unit.id)) ?? null;

  const replace = (unit: OrgUnit) => {
    const exists = items.some((u) => u.id === unit.id);
    units.setData({ items: exists ? items.map((u) => (u.id === unit.id ? unit : u)) : [...items, unit] });
    ctx.reload();
  };

  return (
    <Page title={t('orgUnits.title')} intro={t('orgUnits.intro')}>
      <ReadStatus of={units} />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {units.data ? (
        <div className="split">
          <Card title={t('orgUnits.tree')} className="tree-card">
            {tree.length === 0 ? <p className="muted">{t('orgUnits.empty')}</p> : <Tree nodes={tree} selectedId={selected?.id ?? null} onSelect={(id) => {
              setSelectedId(id);
              setMessage(null);
            }} />}
          </Card>
          <div className="stack">
            {selected ? (
              <>
                <EditUnitForm key={`edit-${selected.id}`} unit={selected} territories={territories.data?.items ?? []} inherited={inheritedTerritory(items, selected)} onSaved={(u) => {
                  replace(u);
                  setMessage({ tone: 'success', text: t('common.saved') });
                }} />
                <CreateChildForm key={`child-${selected.id}`} parent={selected} onCreated={(u) => {
                  replace(u);
                  setSelectedId(u.id);
                  setMessage({ tone: 'success', text: t('orgUnits.created', { name: u.name }) });
                }} />
              </>
            ) : (
              <p className="muted">{t('orgUnits.chooseUnit')}</p>
            )}
          </div>
        </div>
      ) : null}
    </Page>
  );
}

function Tree({ nodes, selectedId, onSelect }: { nodes: OrgUnitNode[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <ul className="tree">
      {nodes.map((n) => (
        <li key={n.unit.id}>
          <button
            type="button"
            className={['tree-item', n.unit.id === selectedId ? 'tree-item-selected' : '', n.unit.active ? '' : 'tree-item-inactive'].filter(Boolean).join(' ')}
            aria-current={n.unit.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(n.unit.id)}
          >
            <span className="tree-name">{n.unit.name}</span>
            <span className="tree-meta">
              {t(`org_unit_level.${n.unit.level}`)} · <bdi>{n.unit.code}</bdi>
              {n.unit.active ? null : <> · {t('orgUnits.inactiveTag')}</>}
            </span>
          </button>
          {n.children.length ? <Tree nodes={n.children} selectedId={selectedId} onSelect={onSelect} /> : null}
        </li>
      ))}
    </ul>
  );
}

function levelOptions(t: ReturnType<typeof useI18n>['t']) {
  return orgUnitLevels.map((l) => ({ value: l, label: t(`org_unit_level.${l}`) }));
}

/** A coordinate typed in decimal degrees (a comma is read as the decimal point); '' is none, text that is no number stays text (the contract names it). */
function coordinate(text: string): number | string | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

type TerritoryItem = { code: string; name: { fr: string; ar: string | null } };

/** The territory select: none (the parent's, named when known) or one of the instance's territories. */
function territoryOptions(i18n: ReturnType<typeof useI18n>, territories: readonly TerritoryItem[], inherited: string | null) {
  const nameOf = (code: string) => {
    const found = territories.find((x) => x.code === code);
    return found ? territoryName(found.name, i18n.locale) : code;
  };
  const none = inherited ? i18n.t('orgUnits.territoryInherited', { name: nameOf(inherited) }) : i18n.t('orgUnits.territoryNone');
  return [{ value: '', label: none }, ...territories.map((x) => ({ value: x.code, label: territoryName(x.name, i18n.locale) }))];
}

function EditUnitForm({ unit, territories, inherited, onSaved }: { unit: OrgUnit; territories: readonly TerritoryItem[]; inherited: string | null; onSaved: (u: OrgUnit) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [territory, setTerritory] = useState(unit.territory ?? '');
  const [code, setCode] = useState(unit.code);
  const [name, setName] = useState(unit.name);
  const [level, setLevel] = useState<OrgUnitLevel>(unit.level);
  const [active, setActive] = useState(unit.active);
  const [latitude, setLatitude] = useState(unit.latitude === null ? '' : String(unit.latitude));
  const [longitude, setLongitude] = useState(unit.longitude === null ? '' : String(unit.longitude));
  const form = useFormSubmit();
  const { errors, busy } = form;

  const submit = async () => {
    form.begin();
    const changes: Record<string, unknown> = changedFields(unit, { code, name, level, active, territory: territory || null });
    const lat = coordinate(latitude);
    const lon = coordinate(longitude);
    if (lat !== unit.latitude || lon !== unit.longitude) Object.assign(changes, { latitude: lat, longitude: lon });
    const checked = validate(UpdateOrgUnit, changes);
    if (!form.check(checked)) return;
    if (Object.keys(checked.data).length === 0) return onSaved(unit);
    await form.send(async () => onSaved(await updateOrgUnit(unit.id, checked.data)));
  };

  return (
    <Card title={t('orgUnits.editTitle', { name: unit.name })}>
      <Form onSubmit={submit} message={form.message} actions={<FormButtons busy={busy} />}>
        <TextField label={t('field.name')} value={name} onChange={setName} error={errors.name} required />
        <CodeTextField label={t('field.code')} value={code} onChange={setCode} error={errors.code} required />
        <Select label={t('field.level')} value={level} options={levelOptions(t)} onChange={(v) => setLevel(v as OrgUnitLevel)} error={errors.level} />
        <Checkbox label={t('orgUnits.unitActive')} checked={active} onChange={setActive} error={errors.active} />
        <p className="field-hint">{t('orgUnits.locationHint')}</p>
        <TextField label={t('field.latitude')} value={latitude} onChange={setLatitude} error={errors.latitude} dir="ltr" inputMode="decimal" autoComplete="off" />
        <TextField label={t('field.longitude')} value={longitude} onChange={setLongitude} error={errors.longitude} dir="ltr" inputMode="decimal" autoComplete="off" />
        <Select label={t('orgUnits.territory')} value={territory} options={territoryOptions(i18n, territories, inherited)} onChange={setTerritory} error={errors.territory} hint={t('orgUnits.territoryHint')} />
      </Form>
    </Card>
  );
}

function CreateChildForm({ parent, onCreated }: { parent: OrgUnit; onCreated: (u: OrgUnit) => void }) {
  const { t } = useI18n();
  const nextLevel = orgUnitLevels[Math.min(orgUnitLevels.indexOf(parent.level) + 1, orgUnitLevels.length - 1)] ?? 'site';
  const [id, setId] = useState(newId);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [level, setLevel] = useState<OrgUnitLevel>(nextLevel);
  const form = useFormSubmit();
  const { errors, busy } = form;

  const submit = async () => {
    form.begin();
    const checked = validate(CreateOrgUnit, { id, code, name, level, parentId: parent.id });
    if (!form.check(checked)) return;
    await form.send(async () => {
      const unit = await createOrgUnit(checked.data);
      setId(newId());
      setCode('');
      setName('');
      onCreated(unit);
    });
  };

  return (
    <MarkRequired>
      <Card title={t('orgUnits.addChildTitle', { name: parent.name })}>
        <Form onSubmit={submit} message={form.message} actions={<FormButtons busy={busy}>{t('common.create')}</FormButtons>}>
          <TextField label={t('field.name')} value={name} onChange={setName} error={errors.name} required />
          <CodeTextField label={t('field.code')} value={code} onChange={setCode} error={errors.code} required />
          <Select label={t('field.level')} value={level} options={levelOptions(t)} onChange={(v) => setLevel(v as OrgUnitLevel)} error={errors.level} />
        </Form>
      </Card>
    </MarkRequired>
  );
}
