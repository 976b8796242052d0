'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/auth/action';
import { deleteTemplate, resetBuiltin } from '@/server/templates/delete-template';
import { holdToRateLimit } from '@/server/limits/rate-limit';
import { previewTemplate } from '@/server/templates/preview-template';
import { createTemplate, saveBuiltin, updateTemplate } from '@/server/templates/save-template';
import {
  builtinTemplateSchema,
  customTemplateSchema,
  deleteTemplateSchema,
  editCustomTemplateSchema,
  previewTemplateSchema,
  resetTemplateSchema,
} from './schema';

/** Templates feed every letter page (one-click sends, previews), so all of them are refreshed. */
function backToList(query: string): never {
  revalidatePath('/', 'layout');
  redirect(`/templates?${query}`);
}

export const saveBuiltinTemplateAction = authedAction('saveBuiltinTemplate', builtinTemplateSchema, async ({ kind, ...words }, user) => {
  await saveBuiltin(user.id, kind, words);
  backToList(`saved=${kind}`);
});

export const resetBuiltinTemplateAction = authedAction('resetBuiltinTemplate', resetTemplateSchema, async ({ kind }, user) => {
  await resetBuiltin(user.id, kind);
  backToList(`reset=${kind}`);
});

export const createTemplateAction = authedAction('createTemplate', customTemplateSchema, async (input, user) => {
  const id = await createTemplate(user.id, input);
  backToList(`saved=${id}`);
});

export const updateTemplateAction = authedAction('updateTemplate', editCustomTemplateSchema, async ({ id, ...input }, user) => {
  await updateTemplate(user.id, id, input);
  backToList(`saved=${id}`);
});

export const deleteTemplateAction = authedAction('deleteTemplate', deleteTemplateSchema, async ({ id }, user) => {
  await deleteTemplate(user.id, id);
  backToList('deleted=1');
});

/** The live preview: what is typed so far, rendered on the server by the one letter renderer. */
export const previewTemplateAction = authedAction('previewTemplate', previewTemplateSchema, async (input, user) => {
  await holdToRateLimit('templatePreview', user.id);
  const preview = await previewTemplate(user.id, input);
  return { ok: preview.status === 'rendered', data: preview };
});
