import 'server-only';
import { db } from '@/db';
import { deleteApplicationRow } from '@/db/queries/applications';
import { contactsLastWrittenBy, refreshLastLetters } from '@/db/queries/last-letter';
import { detachSentLetters, lockUnsentLetters } from '@/db/queries/letters';
import { LETTER_BEING_SENT, UserError } from '@/lib/errors';

/**
 * A person deletes an application with its interviews, links, history and
 * the letters never sent; letters already sent stay as history, without the
 * link, so what came of them still counts. Its contacts stay, and those
 * whose last letter went with it fall back to the one before. False when it
 * is missing or someone else's; refused while one of its letters is with a sender.
 */
export async function deleteApplication(userId: string, applicationId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { beingSent } = await lockUnsentLetters(tx, userId, { applicationId });
    if (beingSent > 0) throw new UserError(LETTER_BEING_SENT);
    const lastWritten = await contactsLastWrittenBy(tx, userId, { applicationId });
    await detachSentLetters(tx, userId, { applicationId });
    const deleted = await deleteApplicationRow(tx, userId, applicationId);
    await refreshLastLetters(tx, userId, { contactIds: lastWritten });
    return deleted;
  });
}
