import 'server-only';
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '@/db/executor';
import { letterEvents, letterRecipients, letters, type LetterEvent } from '@/db/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type EventLetter = { id: string; userId: string; resendId: string | null };

/**
 * The letter a Resend event is about: first the letter named by the tag it
 * was sent with, then the one Resend gave `email_id`. A webhook carries no
 * session, so this is the one lookup not scoped by a user: the user comes
 * from the letter row found, and a tag can only ever name its own letter.
 */
export async function findLetterForEvent(
  tx: Executor,
  tagLetterId: string | null,
  emailId: string | null,
): Promise<EventLetter | null> {
  const columns = { id: letters.id, userId: letters.userId, resendId: letters.resendId };
  // letters.id is a uuid column: anything else in the tag would be a query error, not a miss.
  if (tagLetterId && UUID.test(tagLetterId)) {
    const [byTag] = await tx.select(columns).from(letters).where(eq(letters.id, tagLetterId));
    if (byTag) return byTag;
  }
  if (emailId) {
    const [byEmail] = await tx.select(columns).from(letters).where(eq(letters.resendId, emailId));
    if (byEmail) return byEmail;
  }
  return null;
}

/**
 * Stores a delivery unmatched; returns false when this `svix-id` was stored
 * before (a replay), so the caller changes nothing.
 */
export async function insertUnmatchedEvent(
  tx: Executor,
  event: Pick<LetterEvent, 'svixId' | 'type' | 'emailId' | 'tagLetterId' | 'occurredAt' | 'detail'>,
): Promise<boolean> {
  const inserted = await tx
    .insert(letterEvents)
    .values({ ...event, userId: null, letterId: null })
    .onConflictDoNothing({ target: letterEvents.svixId })
    .returning({ id: letterEvents.id });
  return inserted.length > 0;
}

/** Locks the person's letter, so events for it are matched and applied one delivery at a time. */
export async function lockLetter(tx: Executor, userId: string, letterId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: letters.id })
    .from(letters)
    .where(and(eq(letters.userId, userId), eq(letters.id, letterId)))
    .for('update');
  return Boolean(row);
}

/**
 * Attaches to the letter every event still waiting for it (by its tag, or by
 * Resend's id once known). The `letter_id is null` condition makes the claim
 * atomic: an event is attached to one letter, once.
 */
export async function attachPendingEvents(
  tx: Executor,
  userId: string,
  letterId: string,
  resendId: string | null,
): Promise<LetterEvent[]> {
  const belongs = resendId
    ? or(eq(letterEvents.tagLetterId, letterId), eq(letterEvents.emailId, resendId))
    : eq(letterEvents.tagLetterId, letterId);
  return tx
    .update(letterEvents)
    .set({ userId, letterId })
    .where(and(isNull(letterEvents.letterId), belongs))
    .returning();
}

export async function recipientsOfLetter(tx: Executor, userId: string, letterId: string) {
  return tx
    .select({ role: letterRecipients.role, email: letterRecipients.email })
    .from(letterRecipients)
    .where(and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letterId)));
}
