import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getBuiltinTemplate, getCustomTemplate } from '@/db/queries/letter-templates';
import { requireUser } from '@/lib/auth/user';
import { id as uuid } from '@/lib/validation/fields';
import { createTemplateAction } from '../actions';
import { editorPreview } from '../editor-preview';
import { TemplateEditor } from '../template-editor';
import { isLetterKind } from '../template-or-404';

export const metadata: Metadata = { title: 'New template' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?from=<kind or id>` starts from a copy of that template; anything else, or someone else's, from a blank one. */
async function startingPoint(userId: string, from: unknown) {
  if (typeof from === 'string' && isLetterKind(from)) return getBuiltinTemplate(userId, from);
  if (typeof from === 'string' && uuid.safeParse(from).success) return getCustomTemplate(userId, from);
  return null;
}

export default async function NewTemplatePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const source = await startingPoint(user.id, (await searchParams).from);
  const template = source
    ? { id: null, name: `Copy of ${source.name}`.slice(0, 80), kind: source.kind, subject: source.subject, body: source.body }
    : { id: null, name: '', kind: 'interview_thanks' as const, subject: '', body: '' };
  const { applications, initialPreview } = await editorPreview(user.id, template);
  return (
    <>
      <PageHeader
        title="New template"
        description="Your own words for one kind of letter. Use merge fields for what changes from letter to letter."
      />
      <TemplateEditor
        action={createTemplateAction}
        template={template}
        builtin={false}
        submitLabel="Create template"
        applications={applications}
        initialPreview={initialPreview}
      />
    </>
  );
}
