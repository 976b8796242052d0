import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/executor';
import { refreshLastLetters } from '@/db/queries/last-letter';
import { flaggedAddresses, letterRecipients, letters } from '@/db/schema';
import { advanceStatus, FLAGGING_STATUSES, isFinal, type LetterStatus } from '@/lib/letters/status';

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
  const [current] = await tx
    .select({ status: letters.status })
    .from(letters)
    .where(and(eq(letters.userId, userId), eq(letters.id, letterId)))
    .for('update');
  if (!current) return null;
  const status = advanceStatus(current.status, next);
  if (status === current.status) return status;

  await tx
    .update(letters)
    .set({
      status,
      statusChangedAt: options.at ?? new Date(),
      ...(options.lastError !== undefined ? { lastError: options.lastError } : {}),
      claimedUntil: null,
    })
    .where(and(eq(letters.userId, userId), eq(letters.id, letterId)));

  if (isFinal(status)) {
    await tx
      .update(letterRecipients)
      .set({ dedupeKey: null })
      .where(and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letterId)));
    // A lost letter reached nobody: follow-ups count from the letter before it.
    await refreshLastLetters(tx, userId, { letterId });
  }
  if ((FLAGGING_STATUSES as readonly LetterStatus[]).includes(status) && options.flagEmails?.length) {
    await tx
      .insert(flaggedAddresses)
      .values(options.flagEmails.map((email) => ({ userId, email: email.toLowerCase(), reason: status, letterId })))
      .onConflictDoUpdate({
        target: [flaggedAddresses.userId, flaggedAddresses.email],
        set: { reason: sql`excluded.reason`, letterId: sql`excluded.letter_id`, createdAt: sql`now()` },
      });
  }
  return status;
}
