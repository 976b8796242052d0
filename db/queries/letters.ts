import 'server-only';
import { and, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { type ActivityInput, activityWrites } from './activity';
import { flaggedAddresses, letterRecipients, letters, sendingLedger, users, WAITING_TO_LEAVE } from '@/db/schema';
import type { LetterRecipientRole } from '@/lib/letters/kinds';
import type { LetterStatus } from '@/lib/letters/status';

/** A letter as it is written, before anything is sent: everything Resend will be handed, and why it was written. */
export type NewLetter = Omit<typeof letters.$inferInsert, 'userId' | 'status' | 'id'> & { id: string; status: 'scheduled' | 'queued' };
export type NewRecipient = { role: LetterRecipientRole; contactId: string | null; name: string | null; email: string; dedupeKey: string | null };

/**
 * Locks the person's row for the rest of the transaction and returns their
 * own daily recipient cap, when the account was made and their undo window,
 * or null when the person is gone. Two clicks of one person then count their
 * recipients one after the other.
 */
export async function lockSender(
  tx: Executor,
  userId: string,
): Promise<{ cap: number; createdAt: Date; undoSeconds: number } | null> {
  const [me] = await tx
    .select({ cap: users.dailyRecipientCap, createdAt: users.createdAt, undoSeconds: users.undoSeconds })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return me ?? null;
}

/** One letter of a click as it is written, with its recipients and, unless it is a test, its timeline entry. */
export type LetterToWrite = { letter: NewLetter; recipients: NewRecipient[]; timeline: Omit<ActivityInput, 'applicationId'> | null };

/**
 * Writes the letters of one click, `queued` or `scheduled`, in one
 * statement: the letters, their recipients, a row each in the sending
 * ledger, their timeline entries and the application's touch. Returns how
 * many recipients the person's letters had since `since` before these, by
 * the sending ledger, which nothing they delete changes: every part of one
 * statement reads the same snapshot, so the count never includes the rows it
 * writes. Call it after lockSender in the same transaction, so that snapshot
 * already sees every ledger row of the person's other clicks; a count that
 * passes the cap is refused by rolling the transaction back. A recipient's
 * dedupe key that exists already refuses the whole statement.
 */
export async function writeLetters(tx: Executor, userId: string, applicationId: string, written: LetterToWrite[], since: Date): Promise<number> {
  const timeline = written.flatMap((w) => w.timeline ?? []);
  // A test letter to oneself is on no timeline, and touches no application.
  const activity = timeline.length > 0 ? activityWrites(tx, userId, applicationId, timeline) : null;
  const writes = [
    tx.$with('written_letters').as(tx.insert(letters).values(written.map((w) => ({ ...w.letter, userId })))),
    tx.$with('written_recipients').as(
      tx.insert(letterRecipients).values(written.flatMap((w) => w.recipients.map((r) => ({ ...r, userId, letterId: w.letter.id })))),
    ),
    tx.$with('written_ledger').as(tx.insert(sendingLedger).values(written.map((w) => ({ userId, recipients: w.recipients.length })))),
    ...(activity ? [tx.$with('written_timeline').as(activity.timeline)] : []),
    ...(activity?.touch ? [tx.$with('touched_application').as(activity.touch)] : []),
  ];
  const [{ count }] = await tx
    .with(...writes)
    .select({
      count: sql<number>`(${tx
        .select({ sum: sql`coalesce(sum(${sendingLedger.recipients}), 0)::int` })
        .from(sendingLedger)
        .where(and(eq(sendingLedger.userId, userId), gt(sendingLedger.createdAt, since)))})`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return count;
}

/** The letters already written under any of these dedupe keys, each with its To address. */
export async function lettersByDedupeKeys(userId: string, keys: string[]) {
  const matching = db
    .select({ letterId: letterRecipients.letterId })
    .from(letterRecipients)
    .where(and(eq(letterRecipients.userId, userId), inArray(letterRecipients.dedupeKey, keys)));
  return db
    .select({ id: letters.id, to: letterRecipients.email, status: letters.status, scheduledFor: letters.scheduledFor })
    .from(letters)
    .innerJoin(letterRecipients, and(eq(letterRecipients.letterId, letters.id), eq(letterRecipients.role, 'to')))
    .where(and(eq(letters.userId, userId), inArray(letters.id, matching)));
}

/** Where each of these letters is now, as the person is told after a click. */
export async function sendingStatuses(userId: string, letterIds: string[]) {
  return db
    .select({
      id: letters.id,
      status: letters.status,
      scheduledFor: letters.scheduledFor,
      deliveredLocally: letters.deliveredLocally,
      lastError: letters.lastError,
    })
    .from(letters)
    .where(and(eq(letters.userId, userId), inArray(letters.id, letterIds)));
}

/** Locks a letter and returns its status, or null when it is not the person's. */
export async function lockLetterStatus(tx: Executor, userId: string, letterId: string): Promise<LetterStatus | null> {
  const [current] = await tx
    .select({ status: letters.status })
    .from(letters)
    .where(and(eq(letters.userId, userId), eq(letters.id, letterId)))
    .for('update');
  return current?.status ?? null;
}

export async function setLetterStatus(
  tx: Executor,
  userId: string,
  letterId: string,
  change: { status: LetterStatus; at: Date; lastError?: string | null },
): Promise<void> {
  await tx
    .update(letters)
    .set({
      status: change.status,
      statusChangedAt: change.at,
      ...(change.lastError !== undefined ? { lastError: change.lastError } : {}),
      claimedUntil: null,
    })
    .where(and(eq(letters.userId, userId), eq(letters.id, letterId)));
}

/** Frees the letter's occasion, so the same letter may be written again. */
export async function clearDedupeKeys(tx: Executor, userId: string, letterId: string): Promise<void> {
  await tx
    .update(letterRecipients)
    .set({ dedupeKey: null })
    .where(and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letterId)));
}

/**
 * Marks addresses that bounced or complained, naming the letter that said so; a later report replaces an earlier one.
 * Lower-cased by the database, as every address it is compared with is.
 */
export async function flagAddresses(tx: Executor, userId: string, emails: string[], reason: LetterStatus, letterId: string) {
  if (emails.length === 0) return;
  await tx
    .insert(flaggedAddresses)
    .values(emails.map((email) => ({ userId, email: sql`lower(${email}::text)`, reason, letterId })))
    .onConflictDoUpdate({
      target: [flaggedAddresses.userId, flaggedAddresses.email],
      set: { reason: sql`excluded.reason`, letterId: sql`excluded.letter_id`, createdAt: sql`now()` },
    });
}

/**
 * A letter waiting on the person's decision goes back in the queue under a
 * new idempotency key, as if written now. False unless it was waiting.
 */
export async function requeueUndecided(tx: Executor, userId: string, letterId: string, idempotencyKey: string): Promise<boolean> {
  const now = new Date();
  const [letter] = await tx
    .update(letters)
    .set({
      status: 'queued',
      idempotencyKey,
      // Sent again now, by the person's decision: not a letter that waited for a time.
      scheduledFor: null,
      createdAt: now,
      statusChangedAt: now,
      attempts: 0,
      nextAttemptAt: now,
      claimedUntil: null,
      lastError: null,
    })
    .where(and(eq(letters.userId, userId), eq(letters.id, letterId), eq(letters.status, 'needs_decision')))
    .returning({ id: letters.id });
  return Boolean(letter);
}

/** A letter waiting on the person's decision ends as failed, with their reason. False unless it was waiting. */
export async function failUndecided(tx: Executor, userId: string, letterId: string, reason: string): Promise<boolean> {
  const [letter] = await tx
    .update(letters)
    .set({ status: 'failed', statusChangedAt: new Date(), lastError: reason })
    .where(and(eq(letters.userId, userId), eq(letters.id, letterId), eq(letters.status, 'needs_decision')))
    .returning({ id: letters.id });
  return Boolean(letter);
}

/** Every letter of the person's, or those about one application or one interview. */
export type LettersOf = 'all' | { applicationId: string } | { interviewId: string };

const lettersOf = (userId: string, of: LettersOf) =>
  and(
    eq(letters.userId, userId),
    of === 'all' ? undefined : 'applicationId' in of ? eq(letters.applicationId, of.applicationId) : eq(letters.interviewId, of.interviewId),
  );

/**
 * Locks the letters still waiting to go (scheduled or queued) until the transaction ends, so no
 * sender can claim one meanwhile, and says how many wait and how many a
 * sender holds right now (handed to Resend, its answer not yet recorded).
 */
export async function lockUnsentLetters(tx: Executor, userId: string, of: LettersOf): Promise<{ queued: number; beingSent: number }> {
  const rows = await tx
    .select({ held: sql<boolean>`coalesce(${letters.claimedUntil} > now(), false)` })
    .from(letters)
    .where(and(lettersOf(userId, of), WAITING_TO_LEAVE(letters.status)))
    .for('update');
  return { queued: rows.length, beingSent: rows.filter((r) => r.held).length };
}

/**
 * Letters already handed over stay when what they were about is deleted:
 * they lose the link (to the application and its interviews, or, given an
 * interview, to that interview alone) instead of going with it. Returns how many.
 */
export async function detachSentLetters(tx: Executor, userId: string, of: { applicationId: string; interviewId?: string }): Promise<number> {
  const detached = await tx
    .update(letters)
    .set(of.interviewId ? { interviewId: null } : { applicationId: null, interviewId: null })
    .where(
      and(
        eq(letters.userId, userId),
        eq(letters.applicationId, of.applicationId),
        of.interviewId ? eq(letters.interviewId, of.interviewId) : undefined,
        isNotNull(letters.sentAt),
      ),
    )
    .returning({ id: letters.id });
  return detached.length;
}
