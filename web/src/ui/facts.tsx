import type { ReactNode } from 'react';

/** One line of a list of facts (`<dl className="facts">`): what it is, then its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
