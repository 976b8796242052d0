import 'server-only';
import { db } from '@/db';
import { deleteInterviewRow } from '@/db/queries/interviews';
import { contactsLastWrittenBy, refreshLastLetters } from '@/db/queries/last-letter';

/**
 * A person deletes an interview, its attendee list and its thank-you
 * letters; the people stay linked to the application, and those whose last
 * letter went with it fall back to the one before.
 */
export async function deleteInterview(userId: string, applicationId: string, interviewId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const lastWritten = await contactsLastWrittenBy(tx, userId, { interviewId });
    const deleted = await deleteInterviewRow(tx, userId, applicationId, interviewId);
    await refreshLastLetters(tx, userId, { contactIds: lastWritten });
    return deleted;
  });
}
