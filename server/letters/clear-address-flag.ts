import 'server-only';
import { getContact } from '@/db/queries/contacts';
import { clearAddressFlag, contactAddressFlag } from '@/db/queries/letters-sent';
import { UserError } from '@/lib/errors';
import { COMPLAINED_FOR_GOOD, EDIT_BEFORE_CLEARING } from '@/lib/letters/address-flags';

/**
 * Letters may go to a contact's bounced address again, once the person has
 * checked it: saved the contact since the bounce. A complaint (marked as
 * spam) is never cleared: that person asked not to be written to.
 * Returns the address.
 */
export async function clearContactAddressFlag(userId: string, contactId: string): Promise<string> {
  const [contact, flag] = await Promise.all([getContact(userId, contactId), contactAddressFlag(userId, contactId)]);
  if (!contact?.email || !flag) throw new UserError('That address is not flagged any more.');
  if (flag.reason === 'complained') throw new UserError(COMPLAINED_FOR_GOOD);
  if (!flag.editedSince) throw new UserError(EDIT_BEFORE_CLEARING);
  if (!(await clearAddressFlag(userId, contact.email))) throw new UserError('That address is not flagged any more.');
  return contact.email;
}
