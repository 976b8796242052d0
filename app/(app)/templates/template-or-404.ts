import 'server-only';
import { notFound } from 'next/navigation';
import { getBuiltinTemplate, getCustomTemplate, type TemplateSummary } from '@/db/queries/letter-templates';
import { LETTER_KINDS, type LetterKind } from '@/lib/letters/kinds';
import { id as uuid } from '@/lib/validation/fields';

export const isLetterKind = (value: string): value is LetterKind => (LETTER_KINDS as readonly string[]).includes(value);

/**
 * The template behind /templates/<key>: a built-in by its kind, or one of the
 * person's own by id. A malformed, missing or someone else's id is a 404 alike.
 */
export async function templateOr404(userId: string, key: string): Promise<TemplateSummary> {
  if (isLetterKind(key)) return getBuiltinTemplate(userId, key);
  const template = uuid.safeParse(key).success ? await getCustomTemplate(userId, key) : null;
  if (!template) notFound();
  return template;
}
