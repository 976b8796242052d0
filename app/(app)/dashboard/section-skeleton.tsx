/**
 * What a section of the dashboard shows while its figures are read: its
 * heading at once, grey blocks where the lists or charts will be, and a
 * sentence for screen readers, so the page never jumps from empty to full.
 */
export function SectionSkeleton({ id, title, loading, blocks, className = '' }: { id: string; title: string; loading: string; blocks: number; className?: string }) {
  return (
    <section aria-labelledby={`${id}-loading`} aria-busy="true" className={className}>
      <h2 id={`${id}-loading`} className="text-xl font-semibold text-stone-900">
        {title}
      </h2>
      <p className="text-sm text-stone-600" role="status">
        {loading}
      </p>
      <div aria-hidden="true" className="mt-4 grid gap-8 lg:grid-cols-2">
        {Array.from({ length: blocks }, (_, i) => (
          <div key={i} className="dashboard-skeleton" />
        ))}
      </div>
    </section>
  );
}
