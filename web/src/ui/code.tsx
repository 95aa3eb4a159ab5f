import type { ReactNode } from 'react';

/** A code (a person's code, a column name): set in monospace, read left to right in any language. */
export function Code({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <code className={className ? `code ${className}` : 'code'} dir="ltr">
      {children}
    </code>
  );
}
