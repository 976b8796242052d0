import 'server-only';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { refreshLastLetters } from '@/db/queries/last-letter';
import { clearDedupeKeys, failUndecided, requeueUndecided } from '@/db/queries/letters';
import { DISCARDED_REASON } from '@/lib/letters/hold';
import { wakeSender } from '@/server/queue/worker';
import { deliverLetter, INLINE_TIMEOUT_MS } from './deliver-letter';

/**
 * The person's decision on a letter that could not be sent within 23 hours
 * (`needs_decision`). Sending again takes a new idempotency key, because
 * Resend may have forgotten the old one; that is why it is theirs to choose.
 * Discarding marks it failed, so it can be written afresh later.
 */
export async function decideLetter(
  userId: string,
  letterId: string,
  choice: 'send_again' | 'discard',
  // Runs in the decision's transaction (a digest link is spent there); throwing decides nothing.
  options: { inTransaction?: (tx: Executor) => Promise<void> } = {},
): Promise<boolean> {
  const decided = await db.transaction(async (tx) => {
    await options.inTransaction?.(tx);
    if (choice === 'discard') {
      if (!(await failUndecided(tx, userId, letterId, DISCARDED_REASON))) return false;
      await clearDedupeKeys(tx, userId, letterId);
    } else if (!(await requeueUndecided(tx, userId, letterId, `afterword-letter-${letterId}-${Date.now()}`))) {
      return false;
    }
    // Sent again, it is on its way once more and counts as the last letter to its people.
    await refreshLastLetters(tx, userId, { letterId });
    return true;
  });
  if (!decided) return false;
  if (choice === 'discard') return true;
  const result = await deliverLetter(letterId, { timeoutMs: INLINE_TIMEOUT_MS });
  if (result.outcome === 'retry' || result.outcome === 'not_due') await wakeSender([letterId]);
  return true;
}
