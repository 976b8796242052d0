'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/auth/action';
import { UserError } from '@/lib/errors';
import { contactRoleLabel } from '@/lib/pipeline/labels';
import { addContactToApplication, unlinkContact, updateContactLink } from '@/server/contacts/link-contacts';
import { addExistingContactSchema, addNewContactSchema, contactLinkSchema, contactRoleSchema } from './schema';

const LINK_NOT_FOUND = 'That contact is no longer on this application. Reload the page to see who is.';

const refresh = (applicationId: string) => revalidatePath(`/applications/${applicationId}`);

export const changeContactRole = authedAction('changeContactRole', contactRoleSchema, async (input, user) => {
  if (!(await updateContactLink(user.id, input))) throw new UserError(LINK_NOT_FOUND);
  refresh(input.applicationId);
  return { ok: true, message: `Role saved: ${contactRoleLabel(input.role)}.` };
});

export const makePrimaryContact = authedAction('makePrimaryContact', contactLinkSchema, async (input, user) => {
  if (!(await updateContactLink(user.id, { ...input, isPrimary: true }))) throw new UserError(LINK_NOT_FOUND);
  refresh(input.applicationId);
  return { ok: true, message: 'Now the primary contact: thank-you letters go to them.' };
});

export const removeContactLink = authedAction('removeContactLink', contactLinkSchema, async (input, user) => {
  if (!(await unlinkContact(user.id, input.applicationId, input.contactId))) throw new UserError(LINK_NOT_FOUND);
  refresh(input.applicationId);
  return { ok: true, message: 'Removed from this application. They stay in your contacts.' };
});

const NOT_FOUND = 'That application or contact could not be found. It may have been deleted.';

export const addExistingContact = authedAction('addExistingContact', addExistingContactSchema, async (input, user) => {
  const added = await addContactToApplication(
    user.id,
    input.applicationId,
    { contactId: input.contactId },
    { role: input.role, isPrimary: input.primary },
  );
  if (!added) throw new UserError(NOT_FOUND);
  refresh(input.applicationId);
  redirect(`/applications/${input.applicationId}#contacts`);
});

export const addNewContact = authedAction('addNewContact', addNewContactSchema, async (input, user) => {
  const added = await addContactToApplication(
    user.id,
    input.applicationId,
    { name: input.name, email: input.email },
    { role: input.role, isPrimary: input.primary },
  );
  if (!added) throw new UserError(NOT_FOUND);
  refresh(input.applicationId);
  redirect(`/applications/${input.applicationId}#contacts`);
});
