'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/lib/actions/state';
import { authedAction } from '@/lib/auth/action';
import { NOT_FOUND, UserError } from '@/lib/errors';
import { deleteContact } from '@/server/contacts/delete-contact';
import { mergeContacts } from '@/server/contacts/merge-contacts';
import { createContact, type SaveContactResult, updateContact } from '@/server/contacts/save-contact';
import { contactSchema, deleteContactSchema, editContactSchema, mergeContactsSchema } from './schema';

// Contacts show on application pages too, so every page is refreshed, not only these.

/** A saved contact opens its page; a taken email is an error on the email field, naming who has it. */
function afterSave(result: SaveContactResult): ActionState {
  if (result.status === 'not_found') throw new UserError(NOT_FOUND.contact);
  if (result.status === 'duplicate_email') {
    return {
      ok: false,
      message: 'Please correct the fields marked in red.',
      fieldErrors: { email: [`${result.existing.name} already has this email address in your contacts.`] },
    };
  }
  revalidatePath('/', 'layout');
  redirect(`/contacts/${result.id}`);
}

export const createContactAction = authedAction('createContact', contactSchema, async (input, user) =>
  afterSave(await createContact(user.id, input)),
);

export const updateContactAction = authedAction('updateContact', editContactSchema, async ({ id, ...input }, user) =>
  afterSave(await updateContact(user.id, id, input)),
);

export const deleteContactAction = authedAction('deleteContact', deleteContactSchema, async ({ id }, user) => {
  if (!(await deleteContact(user.id, id))) throw new UserError(NOT_FOUND.contact);
  revalidatePath('/', 'layout');
  redirect('/contacts');
});

export const mergeContactsAction = authedAction(
  'mergeContacts',
  mergeContactsSchema,
  async ({ survivorId, duplicateId }, user) => {
    if (survivorId === duplicateId) throw new UserError('A contact cannot be merged with themselves. Choose another contact.');
    if (!(await mergeContacts(user.id, survivorId, duplicateId))) throw new UserError(NOT_FOUND.contact);
    revalidatePath('/', 'layout');
    redirect(`/contacts/${survivorId}?merged=1`);
  },
);
