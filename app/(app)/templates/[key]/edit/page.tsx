import type { Metadata } from 'next';
import { TemplateBadge } from '@/components/templates/template-badge';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/user';
import { letterKindLabel } from '@/lib/letters/builtins';
import { deleteTemplateAction, resetBuiltinTemplateAction, saveBuiltinTemplateAction, updateTemplateAction } from '../../actions';
import { editorPreview } from '../../editor-preview';
import { TemplateEditor } from '../../template-editor';
import { templateOr404 } from '../../template-or-404';
import { ConfirmActionButton } from './confirm-action-button';

export const metadata: Metadata = { title: 'Edit template' };

export default async function EditTemplatePage({ params }: { params: Promise<{ key: string }> }) {
  const user = await requireUser();
  const template = await templateOr404(user.id, (await params).key);
  const { applications, initialPreview } = await editorPreview(user.id, template);

  const reset = template.edited && (
    <ConfirmActionButton
      action={resetBuiltinTemplateAction}
      fields={{ kind: template.kind }}
      trigger="Reset to built-in"
      title={`Reset “${template.name}”?`}
      confirmLabel="Reset template"
      pendingLabel="Resetting…"
    >
      <p>Your edits to this template are discarded and Afterword’s text is used again. Letters already written keep their words.</p>
    </ConfirmActionButton>
  );
  const remove = !template.builtin && template.id && (
    <ConfirmActionButton
      action={deleteTemplateAction}
      fields={{ id: template.id }}
      trigger="Delete"
      title={`Delete “${template.name}”?`}
      confirmLabel="Delete template"
      pendingLabel="Deleting…"
    >
      <p>The template is deleted. Letters already written from it keep their words. This cannot be undone.</p>
    </ConfirmActionButton>
  );

  return (
    <>
      <PageHeader
        title={template.builtin ? template.name : `Edit “${template.name}”`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <TemplateBadge builtin={template.builtin} edited={template.edited} />
            {template.description ?? `For: ${letterKindLabel(template.kind)}`}
          </span>
        }
        actions={
          <>
            <ButtonLink href={`/templates/new?from=${template.key}`} variant="secondary">
              Copy as new
            </ButtonLink>
            {reset}
            {remove}
          </>
        }
      />
      <TemplateEditor
        action={template.builtin ? saveBuiltinTemplateAction : updateTemplateAction}
        template={template}
        builtin={template.builtin}
        submitLabel="Save template"
        applications={applications}
        initialPreview={initialPreview}
      />
    </>
  );
}
