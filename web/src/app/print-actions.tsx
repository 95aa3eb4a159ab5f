import { useState } from 'react';
import { Button } from '../ui/index.ts';
import { Link, navigate } from './router.tsx';

/** The actions of a page made to be printed: back to where it came from, and printing once what it prints has loaded. */
export function PrintActions({ backTo, backLabel, printLabel, isReady }: { backTo: string; backLabel: string; printLabel: string; isReady: boolean }) {
  return (
    <>
      <Link to={backTo}>{backLabel}</Link>
      <Button variant="primary" onClick={() => window.print()} disabled={!isReady}>
        {printLabel}
      </Button>
    </>
  );
}

/**
 * A choice a printed page keeps in its address (its language, its paper size): the value, and
 * choosing another (the address follows without a new history entry, so a reload or a shared
 * link prints the same).
 */
export function useAddressChoice<T>(initial: () => T, hrefOf: (value: T) => string): [T, (value: T) => void] {
  const [value, setValue] = useState(initial);
  const choose = (next: T) => {
    setValue(next);
    navigate(hrefOf(next), { replace: true });
  };
  return [value, choose];
}
