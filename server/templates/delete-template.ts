import 'server-only';
import { deleteCustomTemplate, resetBuiltinTemplate } from '@/db/queries/letter-templates';
import { NOT_FOUND, UserError } from '@/lib/errors';
import type { LetterKind } from '@/lib/letters/kinds';

/** The built-in's own words are used again. Resetting twice (a double click, a second tab) ends in the same place, so a miss is no error. */
export async function resetBuiltin(userId: string, kind: LetterKind): Promise<void> {
  await resetBuiltinTemplate(userId, kind);
}

/** Letters written from it keep their words and template name; only the template goes. */
export async function deleteTemplate(userId: string, templateId: string): Promise<void> {
  if (!(await deleteCustomTemplate(userId, templateId))) throw new UserError(NOT_FOUND.template);
}
