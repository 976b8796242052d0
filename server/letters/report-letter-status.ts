import 'server-only';
import type { Executor } from '@/db/executor';
import { refreshLastLetters } from '@/db/queries/last-letter';
import { clearDedupeKeys, flagAddresses, lockLetterStatus, setLetterStatus } from '@/db/queries/letters';
import { advanceStatus, isFinal, isFlagging, type LetterStatus } from '@/lib/letters/status';

/**
 * Reports a new status for a letter and moves it forward if that is forward
 * (see advanceStatus). The row is locked first, so two webhooks at once
 * cannot both win. When a letter ends badly its recipients' dedupe keys are
 * cleared, so the person may send it again after fixing things; bounces and
 * complaints flag the addresses named.
 *
 * Returns the status the letter now has, or null when there is no such
 * letter for this person.
 */
export async function reportLetterStatus(
  tx: Executor,
  userId: string,
  letterId: string,
  next: LetterStatus,
  options: { flagEmails?: string[]; lastError?: string | null; at?: Date } = {},
): Promise<LetterStatus | null> {
  const current = await lockLetterStatus(tx, userId, letterId);
  if (!current) return null;
  const status = advanceStatus(current, next);
  if (status === current) return status;

  await setLetterStatus(tx, userId, letterId, { status, at: options.at ?? new Date(), lastError: options.lastError });
  if (isFinal(status)) {
    await clearDedupeKeys(tx, userId, letterId);
    // A lost letter reached nobody: follow-ups count from the letter before it.
    await refreshLastLetters(tx, userId, { letterId });
  }
  if (isFlagging(status) && options.flagEmails?.length) await flagAddresses(tx, userId, options.flagEmails, status, letterId);
  return status;
}
