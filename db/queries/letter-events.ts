import 'server-only';
import { and, asc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { type LetterEvent, letterEvents, letterRecipients, letters } from '@/db/schema';

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
    .select({ role: letterRecipients.role, email: letterRecipients.email, contactId: letterRecipients.contactId })
    .from(letterRecipients)
    .where(and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letterId)));
}

/**
 * Deletes at most `limit` events that were never matched to a letter and
 * arrived before `before`; returns how many. Unmatched events belong to no
 * one (their user_id stays null until a letter claims them), so, like the
 * webhook's lookup, this is not scoped by a user: only `letter_id is null`
 * rows are ever touched. The batch is locked first, skipping rows a letter is
 * claiming right now, so none of them can be matched before it is deleted.
 * Two statements, not `delete … where id in (select … limit … for update)`:
 * Postgres may run that subquery again for each row and delete past the limit.
 */
export async function deleteUnmatchedEventsBefore(before: Date, limit: number): Promise<number> {
  return db.transaction(async (tx) => {
    const batch = await tx
      .select({ id: letterEvents.id })
      .from(letterEvents)
      .where(and(isNull(letterEvents.letterId), lt(letterEvents.createdAt, before)))
      // Oldest first. The order also keeps Postgres to unmatched events (their partial indexes):
      // without it, it picks a table scan meant to stop at `limit`, which reads every row when none is due.
      .orderBy(asc(letterEvents.createdAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (!batch.length) return 0;
    const deleted = await tx
      .delete(letterEvents)
      .where(inArray(letterEvents.id, batch.map((event) => event.id)))
      .returning({ id: letterEvents.id });
    return deleted.length;
  });
}
