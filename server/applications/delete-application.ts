import 'server-only';
import { db } from '@/db';
import { deleteApplicationRow } from '@/db/queries/applications';
import { contactsLastWrittenBy, refreshLastLetters } from '@/db/queries/last-letter';

/**
 * A person deletes an application with its interviews, links, history and
 * letters; its contacts stay, and those whose last letter went with it fall
 * back to the one before. False when it is missing or someone else's.
 */
export async function deleteApplication(userId: string, applicationId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const lastWritten = await contactsLastWrittenBy(tx, userId, { applicationId });
    const deleted = await deleteApplicationRow(tx, userId, applicationId);
    await refreshLastLetters(tx, userId, { contactIds: lastWritten });
    return deleted;
  });
}
