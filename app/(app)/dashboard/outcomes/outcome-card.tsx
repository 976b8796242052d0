import type { ReactNode } from 'react';

/**
 * One block of the Outcomes section, headed at level 3 under the section's
 * "Outcomes". Its looks, and those of the charts, tables and figures inside,
 * are the `outcome*` classes in app/globals.css.
 */
export function OutcomeCard({
  id,
  title,
  description,
  children,
  className,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={className ? `outcome ${className}` : 'outcome'}>
      <h3 id={id}>{title}</h3>
      {description ? <p>{description}</p> : null}
      <div>{children}</div>
    </section>
  );
}
