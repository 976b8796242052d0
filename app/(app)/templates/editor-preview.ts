import 'server-only';
import { previewApplications } from '@/db/queries/letter-templates';
import type { LetterTemplateSource } from '@/lib/letters/fill';
import type { LetterKind } from '@/lib/letters/kinds';
import { previewTemplate } from '@/server/templates/preview-template';

/** What the editor opens with: the applications to preview against, and the template rendered with sample facts. */
export async function editorPreview(userId: string, template: LetterTemplateSource & { kind: LetterKind }) {
  const [applications, initialPreview] = await Promise.all([
    previewApplications(userId),
    previewTemplate(userId, { kind: template.kind, subject: template.subject, body: template.body }),
  ]);
  return { applications, initialPreview };
}
