import { useSyncExternalStore } from 'react';
import { isReachable, onReachabilityChange } from '../api/reachability.ts';

/** Is the server reachable (the browser says it is online, and the last calls were answered)? */
export function useOnline(): boolean {
  return useSyncExternalStore(onReachabilityChange, isReachable, () => true);
}
