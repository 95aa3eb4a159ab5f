import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { programCodes, type OrgUnit, type ProgramCode } from '@relais/core';
import { listOrgUnits, listPrograms } from '../../api/endpoints.ts';
import { useSession } from '../../app/session.tsx';
import { storage, storageKeys } from '../../app/storage.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useVaultOpen } from '../../offline/vault.ts';
import { buildOrgUnitTree, flattenOrgUnitTree, type OrgUnitNode } from '../org-units/org-unit-tree.ts';

/** Where the user is working: one org unit and one program (or all of theirs). Saved per user on this device. */
export interface WorkContext {
  /** Units the user may see, in tree order. */
  units: OrgUnitNode[];
  /** Programs the organisation has enabled. */
  enabledPrograms: ProgramCode[];
  /** Programs the user works in (their assignments ∩ enabled). */
  myPrograms: ProgramCode[];
  orgUnit: OrgUnit | null;
  program: ProgramCode | null;
  setOrgUnitId: (id: string) => void;
  setProgram: (code: ProgramCode | null) => void;
  /** Reloads units and programs (after an admin changed them). */
  reload: () => void;
  loaded: boolean;
}

interface Saved {
  orgUnitId?: string;
  program?: string | null;
}

const WorkContextContext = createContext<WorkContext | null>(null);

function readSaved(userId: string): Saved {
  try {
    const raw = storage.get(storageKeys.context(userId));
    return raw ? (JSON.parse(raw) as Saved) : {};
  } catch {
    return {};
  }
}

export function WorkContextProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const { locale } = useI18n();
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [enabled, setEnabled] = useState<ProgramCode[] | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [tick, setTick] = useState(0);
  const [saved, setSaved] = useState<Saved>(() => readSaved(me.user.id));
  // Opened offline, the units are read before the store is unlocked: read them again once it is.
  const fellBack = useRef(false);
  const isOpen = useVaultOpen();
  useEffect(() => {
    if (isOpen && fellBack.current) setTick((n) => n + 1);
  }, [isOpen]);

  useEffect(() => {
    let alive = true;
    // Units: what the server lets this user see. Fallback: the units of their assignments.
    const fromAssignments = (): OrgUnit[] =>
      me.assignments.map((a) => ({ id: a.orgUnit.id, code: a.orgUnit.code, name: a.orgUnit.name, level: 'section', parentId: null, active: true, latitude: null, longitude: null, territory: null }));
    // allSettled never rejects: each failure falls back below.
    void Promise.allSettled([listOrgUnits(), listPrograms()]).then(([u, p]) => {
      if (!alive) return;
      fellBack.current = u.status !== 'fulfilled';
      setUnits(u.status === 'fulfilled' ? u.value.items : fromAssignments());
      setEnabled(p.status === 'fulfilled' ? p.value.items.filter((x) => x.enabled).map((x) => x.code) : null);
      setLoaded(true);
    });
    return () => {
      alive = false;
    };
  }, [me, tick]);

  const tree = useMemo(() => flattenOrgUnitTree(buildOrgUnitTree(units, locale)), [units, locale]);
  const enabledPrograms = useMemo<ProgramCode[]>(() => enabled ?? [...programCodes], [enabled]);
  const myPrograms = useMemo<ProgramCode[]>(() => {
    if (me.assignments.some((a) => a.programs === null)) return enabledPrograms;
    const mine = new Set(me.assignments.flatMap((a) => a.programs ?? []));
    return enabledPrograms.filter((p) => mine.has(p));
  }, [me, enabledPrograms]);

  const activeUnits = tree.filter((n) => n.unit.active);
  const orgUnit =
    activeUnits.find((n) => n.unit.id === saved.orgUnitId)?.unit ??
    activeUnits.find((n) => me.assignments.some((a) => a.orgUnit.id === n.unit.id))?.unit ??
    activeUnits[0]?.unit ??
    null;
  const program = saved.program && (myPrograms as string[]).includes(saved.program) ? (saved.program as ProgramCode) : null;

  const persist = useCallback(
    (next: Saved) => {
      setSaved(next);
      storage.set(storageKeys.context(me.user.id), JSON.stringify(next));
    },
    [me.user.id],
  );

  const value: WorkContext = {
    units: tree,
    enabledPrograms,
    myPrograms,
    orgUnit,
    program,
    setOrgUnitId: (id) => persist({ ...saved, orgUnitId: id }),
    setProgram: (code) => persist({ ...saved, program: code }),
    reload: () => setTick((n) => n + 1),
    loaded,
  };
  return <WorkContextContext.Provider value={value}>{children}</WorkContextContext.Provider>;
}

/** The current work context (org unit, program) and the lists it chooses from. */
export function useWorkContext(): WorkContext {
  const ctx = useContext(WorkContextContext);
  if (!ctx) throw new Error('useWorkContext outside of WorkContextProvider');
  return ctx;
}
