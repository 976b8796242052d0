import 'server-only';
import { db } from '@/db';
import { deleteContactRow } from '@/db/queries/contacts';

/** A person deletes a contact with their application links, interview attendance and events; applications stay. */
export async function deleteContact(userId: string, contactId: string): Promise<boolean> {
  return db.transaction((tx) => deleteContactRow(tx, userId, contactId));
}
