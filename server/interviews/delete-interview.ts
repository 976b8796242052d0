import 'server-only';
import { db } from '@/db';
import { deleteInterviewRow } from '@/db/queries/interviews';
import { contactsLastWrittenBy, refreshLastLetters } from '@/db/queries/last-letter';
import { detachSentLetters, lockUnsentLetters } from '@/db/queries/letters';
import { LETTER_BEING_SENT, UserError } from '@/lib/errors';

/**
 * A person deletes an interview, its attendee list and the thank-you
 * letters never sent; letters already sent stay with the application, as
 * history. The people stay linked to the application, and those whose last
 * letter went with it fall back to the one before. Refused while one of its
 * letters is with a sender.
 */
export async function deleteInterview(userId: string, applicationId: string, interviewId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { beingSent } = await lockUnsentLetters(tx, userId, { interviewId });
    if (beingSent > 0) throw new UserError(LETTER_BEING_SENT);
    const lastWritten = await contactsLastWrittenBy(tx, userId, { interviewId });
    await detachSentLetters(tx, userId, { applicationId, interviewId });
    const deleted = await deleteInterviewRow(tx, userId, applicationId, interviewId);
    await refreshLastLetters(tx, userId, { contactIds: lastWritten });
    return deleted;
  });
}
