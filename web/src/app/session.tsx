import { createContext, useContext, type ReactNode } from 'react';
import { roleGrants, type Me, type Permission } from '@relais/core';

export interface Session {
  me: Me;
  /** Replaces the session data (e.g. after a change to the user's own profile). */
  setMe: (me: Me) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ value, children }: { value: Session; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The logged-in session; only used under the shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside of a session');
  return session;
}

/** Does the logged-in user hold this permission somewhere? */
export function useCan(permission: Permission): boolean {
  return useSession().me.permissions.includes(permission);
}

/** Does she hold this permission somewhere for every program (the person's rights reach all that is held about her)? */
export function useCanForEveryProgram(permission: Permission): boolean {
  return useSession().me.assignments.some((a) => a.programs === null && roleGrants(a.role, permission));
}
