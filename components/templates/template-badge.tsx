/** Whether a template is Afterword's own text, the person's edit of it, or wholly theirs; the words carry it, not the colour. */
export function TemplateBadge({ builtin, edited }: { builtin: boolean; edited: boolean }) {
  const [label, tone] = !builtin
    ? ['Yours', 'bg-sky-50 text-sky-900 ring-sky-200']
    : edited
      ? ['Edited', 'bg-amber-50 text-amber-900 ring-amber-300']
      : ['Built-in', 'bg-stone-100 text-stone-800 ring-stone-300'];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{label}</span>;
}
