import type { ReactNode } from 'react';

/** One block of the Outcomes section, headed at level 3 under the section's "Outcomes". */
export function OutcomeCard({
  id,
  title,
  description,
  children,
  className = '',
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={`min-w-0 rounded-lg border border-stone-200 bg-white p-4 sm:p-6 ${className}`}>
      <h3 id={id} className="text-base font-semibold text-stone-900">
        {title}
      </h3>
      {description && <p className="mt-1 text-sm text-stone-600">{description}</p>}
      <div className="mt-4 space-y-6">{children}</div>
    </section>
  );
}
