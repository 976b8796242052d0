import 'server-only';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { recordActivity } from '@/db/queries/activity';
import { refreshLastLetters } from '@/db/queries/last-letter';
import { clearDedupeKeys } from '@/db/queries/letters';
import { cancelScheduled, letterStatusOf } from '@/db/queries/scheduled-letters';

export type CancelOutcome = 'cancelled' | 'already_cancelled' | 'already_gone' | 'not_found';

/**
 * Undo, or stopping a letter scheduled for later: while it is `scheduled`,
 * nothing has reached Resend, so it is cancelled outright, its occasion is
 * free to be written again, and the timeline says so. Once a sender has
 * claimed it, it has gone.
 */
export async function cancelLetter(userId: string, letterId: string): Promise<CancelOutcome> {
  const cancelled = await db.transaction((tx) => cancelLetterIn(tx, userId, letterId));
  if (cancelled) return 'cancelled';
  const status = await letterStatusOf(userId, letterId);
  if (status === null) return 'not_found';
  return status === 'cancelled' ? 'already_cancelled' : 'already_gone';
}

/** The same, inside a transaction that stops something else too (a follow-up plan). True when it was cancelled. */
export async function cancelLetterIn(tx: Executor, userId: string, letterId: string): Promise<boolean> {
  const letter = await cancelScheduled(tx, userId, letterId);
  if (!letter) return false;
  await clearDedupeKeys(tx, userId, letterId);
  // Follow-ups count from the letter before this one again.
  await refreshLastLetters(tx, userId, { letterId });
  if (!letter.isTest) {
    await recordActivity(tx, userId, {
      kind: 'letter_cancelled',
      applicationId: letter.applicationId,
      interviewId: letter.interviewId,
      detail: { letterId: letter.id, letterKind: letter.kind, subject: letter.subject },
    });
  }
  return true;
}
