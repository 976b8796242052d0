import 'server-only';
import { and, asc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import type { Executor } from '@/db/executor';
import { applications, flaggedAddresses, letterRecipients, letters, SCHEDULED, WAITING_TO_LEAVE } from '@/db/schema';
import type { HoldFacts } from '@/lib/letters/hold';
import type { MailPayload } from '@/lib/mail/outgoing';

/*
 * The sender's side of the letters table. The queue wakes the sender with a
 * letter id and no session, so claiming a letter and listing the due ones
 * are not scoped by a person: the person comes from the letter row claimed,
 * and every write after the claim names them.
 */

/** Scheduled or queued, due now, and held by no live sender: what a sender may take. */
const readyToSend = () =>
  and(
    WAITING_TO_LEAVE(letters.status),
    lte(letters.nextAttemptAt, sql`now()`),
    or(isNull(letters.claimedUntil), lt(letters.claimedUntil, sql`now()`)),
  );

/**
 * Takes a due letter for one sender until `claimMs` from now, counting the
 * attempt; null when it is not due or held. A scheduled letter turns
 * `queued` in the same statement: from here on it is on its way and can no
 * longer be stopped, and a cancel that comes a moment later finds it so.
 */
export async function claimLetter(letterId: string, claimMs: number) {
  const [letter] = await db
    .update(letters)
    .set({
      claimedUntil: sql`now() + ${`${claimMs} milliseconds`}::interval`,
      attempts: sql`${letters.attempts} + 1`,
      status: 'queued',
      statusChangedAt: sql`case when ${SCHEDULED(letters.status)} then now() else ${letters.statusChangedAt} end`,
    })
    .where(and(eq(letters.id, letterId), readyToSend()))
    .returning();
  return letter ?? null;
}

/** A live sender renews its hold while it waits for Resend; false once the hold is gone (released or recorded). */
export async function renewClaim(userId: string, letterId: string, claimMs: number): Promise<boolean> {
  const renewed = await db
    .update(letters)
    .set({ claimedUntil: sql`now() + ${`${claimMs} milliseconds`}::interval` })
    .where(and(eq(letters.id, letterId), eq(letters.userId, userId), sql`${letters.claimedUntil} is not null`))
    .returning({ id: letters.id });
  return renewed.length === 1;
}

/**
 * Whether a letter is due and held by no sender. A woken sender asks before
 * it takes a sending slot: a second wake-up of a letter another job is
 * already waiting to send must not spend a slot of the shared pace.
 */
export async function isReadyToSend(letterId: string): Promise<boolean> {
  const [row] = await db.select({ id: letters.id }).from(letters).where(and(eq(letters.id, letterId), readyToSend()));
  return row !== undefined;
}

/** Letters that are due and not held by a sender, oldest first. */
export async function dueLetterIds(limit = 100): Promise<string[]> {
  const rows = await db.select({ id: letters.id }).from(letters).where(readyToSend()).orderBy(asc(letters.nextAttemptAt)).limit(limit);
  return rows.map((r) => r.id);
}

/** The letter's recipients for its first attempt: To first, then CC, each in one fixed order. */
export async function recipientsForSending(userId: string, letterId: string) {
  return db
    .select({ role: letterRecipients.role, email: letterRecipients.email })
    .from(letterRecipients)
    .where(and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letterId)))
    .orderBy(asc(letterRecipients.role), asc(letterRecipients.createdAt), asc(letterRecipients.email));
}

/**
 * Keeps the body a letter is first handed over with; a body kept already
 * stays. Returns the one kept, which every attempt sends.
 */
export async function keepLetterPayload(userId: string, letterId: string, payload: MailPayload): Promise<unknown> {
  const [kept] = await db
    .update(letters)
    .set({
      payload: sql`coalesce(${letters.payload}, ${JSON.stringify(payload)}::jsonb)`,
      // The Message-ID of the body kept (an older one may have none), so a reply can name the letter by it.
      messageId: sql`coalesce(${letters.messageId}, coalesce(${letters.payload}, ${JSON.stringify(payload)}::jsonb) -> 'headers' ->> 'Message-ID')`,
    })
    .where(and(eq(letters.id, letterId), eq(letters.userId, userId)))
    .returning({ payload: letters.payload });
  return kept?.payload ?? null;
}

/**
 * Gives the claim back, to be tried again at `when`: a moment, or a delay
 * counted on the database's clock, so a process whose own clock is off
 * never moves a retry. Returns the moment stored, for the queue's wake-up.
 */
export async function releaseLetter(userId: string, letterId: string, when: Date | { afterMs: number }, lastError: string): Promise<Date> {
  const nextAttemptAt = when instanceof Date ? when : sql`now() + ${`${Math.round(when.afterMs)} milliseconds`}::interval`;
  const [released] = await db
    .update(letters)
    .set({ claimedUntil: null, nextAttemptAt, lastError })
    .where(and(eq(letters.id, letterId), eq(letters.userId, userId)))
    .returning({ nextAttemptAt: letters.nextAttemptAt });
  return released?.nextAttemptAt ?? (when instanceof Date ? when : new Date(Date.now() + when.afterMs));
}

/** A queued letter that may no longer be retried safely waits for the person instead. */
export async function holdForDecision(tx: Executor, userId: string, letterId: string, lastError: string): Promise<void> {
  await tx
    .update(letters)
    .set({ status: 'needs_decision', statusChangedAt: new Date(), claimedUntil: null, lastError })
    .where(and(eq(letters.id, letterId), eq(letters.userId, userId), eq(letters.status, 'queued')));
}

/** Records what Resend (or the outbox) answered for a letter it accepted. */
export async function recordHandedOver(
  tx: Executor,
  userId: string,
  letterId: string,
  answer: { resendId: string; deliveredLocally: boolean },
): Promise<void> {
  await tx
    .update(letters)
    .set({ resendId: answer.resendId, sentAt: new Date(), deliveredLocally: answer.deliveredLocally, lastError: null })
    .where(and(eq(letters.id, letterId), eq(letters.userId, userId)));
}

/**
 * What could stop a letter written earlier from leaving now: a recipient's
 * address that bounced or was marked as spam since, and whether its
 * application was withdrawn.
 */
export async function holdFacts(userId: string, letterId: string, applicationId: string | null): Promise<HoldFacts> {
  const [flagged] = await db
    .select({ email: letterRecipients.email, reason: flaggedAddresses.reason })
    .from(letterRecipients)
    .innerJoin(
      flaggedAddresses,
      and(eq(flaggedAddresses.userId, userId), eq(flaggedAddresses.email, sql`lower(${letterRecipients.email})`)),
    )
    .where(and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letterId)))
    .limit(1);
  const [withdrawn] = applicationId
    ? await db
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.userId, userId), eq(applications.id, applicationId), eq(applications.stage, 'withdrawn')))
    : [];
  return { flagged: flagged ?? null, withdrawn: Boolean(withdrawn) };
}
