import { useId, type ReactNode } from 'react';

/** A surface grouping related content; with a title it is a named region (findable by its heading). */
export function Card({ title, headingLevel = 2, children, footer, className }: {
  title?: ReactNode;
  headingLevel?: 2 | 3;
  children?: ReactNode;
  footer?: ReactNode;
  className?: string;
}) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={['card', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={title ? id : undefined}>
      {title ? (
        <Heading className="card-title" id={id}>
          {title}
        </Heading>
      ) : null}
      {children}
      {footer ? <div className="card-footer">{footer}</div> : null}
    </section>
  );
}
