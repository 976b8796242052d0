/** Whether a template is Afterword's own text, the person's edit of it, or wholly theirs; the words carry it, not the colour. */
export function TemplateBadge({ builtin, edited }: { builtin: boolean; edited: boolean }) {
  const [label, tone] = !builtin
    ? ['Yours', 'badge-sky']
    : edited
      ? ['Edited', 'badge-amber']
      : ['Built-in', 'badge-stone'];
  return <span className={`badge ${tone}`}>{label}</span>;
}
