import 'server-only';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { receivedEmails } from '@/db/schema';
import type { ReceivedOutcome } from '@/lib/replies/kinds';
import type { ReceivedEvent } from '@/lib/replies/received-email';

// The ledger of received emails belongs to no one until an email is matched
// (the webhook carries no session), so these queries are by Resend's id.

/** Keeps a received email once per Resend id; false when it was kept already (a repeated delivery). */
export async function keepReceivedEmail(event: ReceivedEvent): Promise<boolean> {
  const inserted = await db
    .insert(receivedEmails)
    .values({ emailId: event.emailId, event })
    .onConflictDoNothing({ target: receivedEmails.emailId })
    .returning({ emailId: receivedEmails.emailId });
  return inserted.length === 1;
}

/** A received email not yet settled, to be read. */
export async function unsettledReceivedEmail(emailId: string) {
  const [row] = await db
    .select()
    .from(receivedEmails)
    .where(and(eq(receivedEmails.emailId, emailId), isNull(receivedEmails.settledAt)));
  return row ?? null;
}

/** Reading failed: try again at `retryAt`, or, when `giveUp`, never again (the row and its error stay). */
export async function postponeReceivedEmail(emailId: string, retryAt: Date, lastError: string, giveUp: boolean) {
  await db
    .update(receivedEmails)
    .set({
      attempts: sql`${receivedEmails.attempts} + 1`,
      nextAttemptAt: retryAt,
      lastError: lastError.slice(0, 500),
      ...(giveUp ? { outcome: 'gave_up' as const, settledAt: sql`now()` } : {}),
    })
    .where(and(eq(receivedEmails.emailId, emailId), isNull(receivedEmails.settledAt)));
}

/**
 * Settles a received email, in the transaction that records what came of
 * it. Only the first to settle gets true: two readers of one email record it once.
 */
export async function settleReceivedEmail(tx: Executor, emailId: string, outcome: ReceivedOutcome): Promise<boolean> {
  const settled = await tx
    .update(receivedEmails)
    .set({ outcome, settledAt: sql`now()` })
    .where(and(eq(receivedEmails.emailId, emailId), isNull(receivedEmails.settledAt)))
    .returning({ emailId: receivedEmails.emailId });
  return settled.length === 1;
}

/** Received emails whose reading is due: the sweep's list, oldest first. */
export async function dueReceivedEmailIds(now = new Date(), limit = 200): Promise<string[]> {
  const rows = await db
    .select({ emailId: receivedEmails.emailId })
    .from(receivedEmails)
    .where(and(isNull(receivedEmails.settledAt), lte(receivedEmails.nextAttemptAt, now)))
    .orderBy(asc(receivedEmails.nextAttemptAt))
    .limit(limit);
  return rows.map((row) => row.emailId);
}
