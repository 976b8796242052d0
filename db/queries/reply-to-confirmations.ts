import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { replyToConfirmations, users } from '@/db/schema';

export type PendingReplyTo = { address: string; expiresAt: Date; expired: boolean };

/** The reply-to address waiting for confirmation, expired or not; null when there is none. */
export async function pendingReplyTo(userId: string, tx: Executor = db): Promise<PendingReplyTo | null> {
  const [row] = await tx
    .select({
      address: replyToConfirmations.address,
      expiresAt: replyToConfirmations.expiresAt,
      expired: sql<boolean>`${replyToConfirmations.expiresAt} <= now()`,
    })
    .from(replyToConfirmations)
    .where(eq(replyToConfirmations.userId, userId));
  return row ?? null;
}

/** Stores a pending address with its link's hashed token, replacing the one before. */
export async function savePendingReplyTo(
  tx: Executor,
  userId: string,
  pending: { address: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await tx
    .insert(replyToConfirmations)
    .values({ userId, ...pending })
    .onConflictDoUpdate({
      target: replyToConfirmations.userId,
      set: { address: pending.address, tokenHash: pending.tokenHash, expiresAt: pending.expiresAt, createdAt: sql`now()` },
    });
}

/** Forgets the pending address: its link stops working. */
export async function deletePendingReplyTo(tx: Executor, userId: string): Promise<void> {
  await tx.delete(replyToConfirmations).where(eq(replyToConfirmations.userId, userId));
}

/** This person's link with this token, not yet expired. */
function isLiveLink(userId: string, tokenHash: string, now: Date) {
  return and(
    eq(replyToConfirmations.userId, userId),
    eq(replyToConfirmations.tokenHash, tokenHash),
    gt(replyToConfirmations.expiresAt, now),
  );
}

/** The pending address a live link of this person's names, without spending it. */
export async function pendingReplyToByToken(userId: string, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await db
    .select({ address: replyToConfirmations.address })
    .from(replyToConfirmations)
    .where(isLiveLink(userId, tokenHash, now));
  return row?.address ?? null;
}

/**
 * Spends a live link of this person's: deletes it and returns its address,
 * or null when the token is not theirs, expired or already spent.
 */
export async function spendReplyToToken(tx: Executor, userId: string, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await tx
    .delete(replyToConfirmations)
    .where(isLiveLink(userId, tokenHash, now))
    .returning({ address: replyToConfirmations.address });
  return row?.address ?? null;
}

/** Sets the address letters reply to (null: the sign-in address). */
export async function setReplyTo(tx: Executor, userId: string, replyTo: string | null): Promise<boolean> {
  const updated = await tx
    .update(users)
    .set({ replyTo, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return updated.length === 1;
}
