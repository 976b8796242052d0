import type { ReactNode } from 'react';

/** What a list shows before it has anything in it: what goes here, and how to start. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="rounded-lg border border-dashed border-stone-300 bg-white px-6 py-10 text-center">
      <h2 className="text-base font-semibold text-stone-900">{title}</h2>
      <div className="mx-auto mt-2 max-w-prose text-sm text-stone-600">{children}</div>
      {action && <div className="mt-5">{action}</div>}
    </section>
  );
}
