import Link from 'next/link';
import { TemplateBadge } from '@/components/templates/template-badge';
import type { TemplateSummary } from '@/db/queries/letter-templates';
import { letterKindLabel } from '@/lib/letters/builtins';

/** One line per template: its name (the link to edit it), what kind of letter it writes, and its subject. */
export function TemplateRows({ templates }: { templates: TemplateSummary[] }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {templates.map((template) => (
        <li key={template.key} className="px-4 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Link
              href={`/templates/${template.key}/edit`}
              className="font-medium text-stone-900 underline-offset-2 hover:underline"
            >
              {template.name}
            </Link>
            <TemplateBadge builtin={template.builtin} edited={template.edited} />
          </div>
          <p className="mt-0.5 text-stone-600">{template.description ?? `For: ${letterKindLabel(template.kind)}`}</p>
          <p className="mt-1 break-words text-stone-700">
            <span className="text-stone-500">Subject:</span> <code className="text-xs">{template.subject}</code>
          </p>
        </li>
      ))}
    </ul>
  );
}
