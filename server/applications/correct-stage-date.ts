import 'server-only';
import { db } from '@/db';
import { setStageChangeDate } from '@/db/queries/applications';
import { NOT_FOUND, UserError } from '@/lib/errors';

/**
 * People log things late: a person corrects when a stage move happened. The
 * timeline event moves with it, and so does the card's "in this stage since"
 * when it is the latest move.
 */
export async function correctStageChangeDate(userId: string, stageChangeId: string, changedAt: Date): Promise<void> {
  const corrected = await db.transaction((tx) => setStageChangeDate(tx, userId, stageChangeId, changedAt));
  if (!corrected) throw new UserError(NOT_FOUND.stageChange);
}
