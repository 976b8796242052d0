'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import {
  createCustomTemplate,
  deleteCustomTemplate,
  resetBuiltinTemplate,
  saveBuiltinTemplate,
  updateCustomTemplate,
} from '@/db/queries/letter-templates';
import { authedAction } from '@/lib/auth/action';
import { UserError } from '@/lib/errors';
import { previewTemplate } from './preview';
import {
  builtinTemplateSchema,
  customTemplateSchema,
  deleteTemplateSchema,
  editCustomTemplateSchema,
  previewTemplateSchema,
  resetTemplateSchema,
} from './schema';

const NOT_FOUND = 'That template could not be found. It may have been deleted.';

/** Templates feed every letter page (one-click sends, previews), so all of them are refreshed. */
function backToList(query: string): never {
  revalidatePath('/', 'layout');
  redirect(`/templates?${query}`);
}

export const saveBuiltinTemplateAction = authedAction('saveBuiltinTemplate', builtinTemplateSchema, async ({ kind, ...words }, user) => {
  await saveBuiltinTemplate(user.id, kind, words);
  backToList(`saved=${kind}`);
});

export const resetBuiltinTemplateAction = authedAction('resetBuiltinTemplate', resetTemplateSchema, async ({ kind }, user) => {
  // Resetting twice (a double click, a second tab) ends in the same place, so a miss is not an error.
  await resetBuiltinTemplate(user.id, kind);
  backToList(`reset=${kind}`);
});

export const createTemplateAction = authedAction('createTemplate', customTemplateSchema, async (input, user) => {
  const id = await createCustomTemplate(user.id, input);
  backToList(`saved=${id}`);
});

export const updateTemplateAction = authedAction('updateTemplate', editCustomTemplateSchema, async ({ id, ...input }, user) => {
  if (!(await updateCustomTemplate(user.id, id, input))) throw new UserError(NOT_FOUND);
  backToList(`saved=${id}`);
});

export const deleteTemplateAction = authedAction('deleteTemplate', deleteTemplateSchema, async ({ id }, user) => {
  if (!(await deleteCustomTemplate(user.id, id))) throw new UserError(NOT_FOUND);
  backToList('deleted=1');
});

/** The live preview: what is typed so far, rendered on the server by the one letter renderer. */
export const previewTemplateAction = authedAction('previewTemplate', previewTemplateSchema, async (input, user) => {
  const preview = await previewTemplate(user.id, input);
  return { ok: preview.status === 'rendered', data: preview };
});
