import type { Metadata } from 'next';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listTemplates, type TemplateSummary } from '@/db/queries/letter-templates';
import { requireUser } from '@/lib/auth/user';
import { TemplateRows } from './template-rows';

export const metadata: Metadata = { title: 'Templates' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What the last save, reset or delete did, from the redirect that followed it. */
function outcome(params: Record<string, string | string[] | undefined>, templates: TemplateSummary[]) {
  const named = (key: unknown) => templates.find((t) => t.key === key)?.name;
  const saved = named(params.saved);
  if (saved) return `“${saved}” saved.`;
  const reset = named(params.reset);
  if (reset) return `“${reset}” is back to Afterword’s text.`;
  return params.deleted ? 'Template deleted.' : null;
}

export default async function TemplatesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const [templates, params] = await Promise.all([listTemplates(user.id), searchParams]);
  const builtins = templates.filter((t) => t.builtin);
  const own = templates.filter((t) => !t.builtin);
  const message = outcome(params, templates);
  const newTemplate = <ButtonLink href="/templates/new">New template</ButtonLink>;

  return (
    <>
      <PageHeader
        title="Templates"
        description="The words every letter starts from. Merge fields such as {{company}} are filled in from the application when a letter is written."
        actions={newTemplate}
      />
      <p role="status" aria-live="polite" className="mb-4 min-h-5 text-sm text-green-800">
        {message}
      </p>
      <section aria-labelledby="builtin-heading">
        <h2 id="builtin-heading" className="mb-2 text-base font-semibold text-stone-900">
          Built-in templates
        </h2>
        <p className="mb-3 max-w-prose text-sm text-stone-600">
          One for each occasion, used by one-click sending. Edit one to make it yours; reset it to go back to Afterword’s text.
        </p>
        <TemplateRows templates={builtins} />
      </section>
      <section aria-labelledby="own-heading" className="mt-10">
        <h2 id="own-heading" className="mb-3 text-base font-semibold text-stone-900">
          Your templates
        </h2>
        {own.length > 0 ? (
          <TemplateRows templates={own} />
        ) : (
          <EmptyState title="No templates of your own yet" action={newTemplate}>
            <p>
              Write your own when a letter needs other words: a thank-you after a final round, or a check-in after a
              conference. Each is for one kind of letter, and you can choose it when you write that letter.
            </p>
          </EmptyState>
        )}
      </section>
    </>
  );
}
