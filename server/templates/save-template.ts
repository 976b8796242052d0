import 'server-only';
import {
  createCustomTemplate,
  type CustomTemplateInput,
  saveBuiltinTemplate,
  type TemplateInput,
  updateCustomTemplate,
} from '@/db/queries/letter-templates';
import { NOT_FOUND, UserError } from '@/lib/errors';
import type { LetterKind } from '@/lib/letters/kinds';

/*
 * A person keeps their own words for a letter: an edited copy of a built-in
 * (one per kind), or a template of their own. Every letter page reads them,
 * so the caller refreshes every page.
 */

export async function saveBuiltin(userId: string, kind: LetterKind, words: TemplateInput): Promise<void> {
  await saveBuiltinTemplate(userId, kind, words);
}

export async function createTemplate(userId: string, input: CustomTemplateInput): Promise<string> {
  return createCustomTemplate(userId, input);
}

export async function updateTemplate(userId: string, templateId: string, input: CustomTemplateInput): Promise<void> {
  if (!(await updateCustomTemplate(userId, templateId, input))) throw new UserError(NOT_FOUND.template);
}
