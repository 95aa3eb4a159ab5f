import { useEffect, useRef, type ReactNode } from 'react';

/** A screen: its title (the one h1, focused on arrival for screen readers), an intro, actions and content. */
export function Page({ title, intro, actions, children, narrow = false }: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  narrow?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <div className={['page', narrow ? 'page-narrow' : ''].filter(Boolean).join(' ')}>
      <header className="page-header">
        <div>
          <h1 className="page-title" ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {intro ? <p className="page-intro">{intro}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </div>
  );
}

/** A busy indicator with a text (announced politely). */
export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** A titled group of form fields. */
export function FieldGroup({ legend, children, hint }: { legend: ReactNode; children: ReactNode; hint?: ReactNode }) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">{legend}</legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      {children}
    </fieldset>
  );
}
