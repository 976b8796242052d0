import 'server-only';
import { getContact } from '@/db/queries/contacts';
import { clearAddressFlag } from '@/db/queries/letters-sent';
import { UserError } from '@/lib/errors';

/** Letters may go to a contact's flagged address again, once the person has checked it. Returns the address. */
export async function clearContactAddressFlag(userId: string, contactId: string): Promise<string> {
  const contact = await getContact(userId, contactId);
  if (!contact?.email || !(await clearAddressFlag(userId, contact.email))) throw new UserError('That address is not flagged any more.');
  return contact.email;
}
