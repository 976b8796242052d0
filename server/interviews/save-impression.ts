import 'server-only';
import { db } from '@/db';
import { recordActivity } from '@/db/queries/activity';
import { setImpression } from '@/db/queries/interviews';

/**
 * A person answers "What impressed you most?" for one interview (from the
 * digest or the dashboard, often on a phone): that field alone, so the rest
 * of the interview is not sent back and forth. False when it is missing or
 * someone else's.
 */
export async function saveImpression(userId: string, applicationId: string, interviewId: string, impression: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const interview = await setImpression(tx, userId, applicationId, interviewId, impression);
    if (!interview) return false;
    const { kind, scheduledAt, timeZone } = interview;
    await recordActivity(tx, userId, {
      kind: 'interview_updated',
      applicationId,
      interviewId,
      detail: { kind, scheduledAt: scheduledAt.toISOString(), timeZone },
    });
    return true;
  });
}
