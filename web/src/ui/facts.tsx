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

/** The same fact as a row of a two-column table (print pages: a slip, a subject-access export). */
export function FactRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{children}</td>
    </tr>
  );
}
