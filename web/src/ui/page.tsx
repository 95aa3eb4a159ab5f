import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

/** What follows each page title in the browser tab (e.g. the application name). */
export const DocumentTitleSuffix = createContext('');

/** A screen: its title (the one h1, focused on arrival so screen readers announce the new screen), an intro, actions and content. */
export function Page({ title, intro, actions, children, narrow = false }: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  narrow?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const suffix = useContext(DocumentTitleSuffix);
  useEffect(() => {
    document.title = suffix ? `${title} · ${suffix}` : title;
  }, [title, suffix]);
  // On arrival only (not when the title changes, e.g. on a language switch, which would steal focus).
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
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
