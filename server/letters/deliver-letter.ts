import 'server-only';
import { and, asc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { db } from '@/db';
import { refreshLastLetters } from '@/db/queries/last-letter';
import { letterRecipients, letters } from '@/db/schema';
import { LETTER_TAG } from '@/lib/letters/resend-event';
import { reportLetterStatus } from '@/server/letters/letter-status';
import { type MailResult, sendMail } from '@/server/mail/send-mail';
import { pacer } from '../mail/pacer';
import { matchPendingEvents } from './record-resend-event';

/**
 * Resend keeps an idempotency key for 24 hours. After 23, a retry could send
 * a second copy, so the letter waits for the person to decide instead.
 */
export const GIVE_UP_AFTER_MS = 23 * 60 * 60 * 1000;
/** Longer than a send can take (its timeout is 15 s), so a live sender never loses its claim. */
const CLAIM_MS = 2 * 60 * 1000;
const FIRST_BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 15 * 60 * 1000;

export type DeliveryOutcome =
  | { outcome: 'sent' | 'failed' | 'needs_decision' | 'not_due' }
  | { outcome: 'retry'; retryAt: Date };

export function backoff(attempts: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Queued, due now, and held by no live sender: what a sender may take. */
const readyToSend = () =>
  and(
    eq(letters.status, 'queued'),
    lte(letters.nextAttemptAt, sql`now()`),
    or(isNull(letters.claimedUntil), lt(letters.claimedUntil, sql`now()`)),
  );

/**
 * Takes a queued letter that is due, for this sender alone, until CLAIM_MS
 * from now. A sender that crashes mid-send simply lets the claim run out;
 * the next one retries with the same key and body, so Resend sends it once.
 */
async function claim(letterId: string) {
  const [letter] = await db
    .update(letters)
    .set({ claimedUntil: sql`now() + ${`${CLAIM_MS} milliseconds`}::interval`, attempts: sql`${letters.attempts} + 1` })
    .where(and(eq(letters.id, letterId), readyToSend()))
    .returning();
  return letter ?? null;
}

async function release(letterId: string, userId: string, retryAt: Date, lastError: string) {
  await db
    .update(letters)
    .set({ claimedUntil: null, nextAttemptAt: retryAt, lastError })
    .where(and(eq(letters.id, letterId), eq(letters.userId, userId)));
}

/** Until the person decides, the letter is not on its way: follow-ups count from the one before. */
async function decide(letterId: string, userId: string, lastError: string) {
  await db.transaction(async (tx) => {
    await tx
      .update(letters)
      .set({ status: 'needs_decision', statusChangedAt: new Date(), claimedUntil: null, lastError })
      .where(and(eq(letters.id, letterId), eq(letters.userId, userId), eq(letters.status, 'queued')));
    await refreshLastLetters(tx, userId, { letterId });
  });
}

/**
 * Hands one queued letter to Resend (or the local outbox), exactly as it was
 * written, and records what happened. Safe to call any number of times, from
 * any number of processes: only a due, unclaimed letter is sent.
 */
export async function deliverLetter(letterId: string, options: { timeoutMs?: number } = {}): Promise<DeliveryOutcome> {
  const letter = await claim(letterId);
  if (!letter) return { outcome: 'not_due' };
  const { userId } = letter;

  if (Date.now() - letter.createdAt.getTime() > GIVE_UP_AFTER_MS) {
    await decide(letterId, userId, 'Not sent within 23 hours. Resend may have forgotten this letter, so sending again could send it twice.');
    return { outcome: 'needs_decision' };
  }

  const recipients = await db
    .select({ role: letterRecipients.role, email: letterRecipients.email })
    .from(letterRecipients)
    .where(and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letterId)))
    .orderBy(asc(letterRecipients.role));

  let result: MailResult;
  try {
    result = await sendMail({
      fromName: letter.fromName,
      to: recipients.filter((r) => r.role === 'to').map((r) => r.email),
      cc: recipients.filter((r) => r.role === 'cc').map((r) => r.email),
      replyTo: letter.replyTo,
      subject: letter.subject,
      html: letter.html,
      text: letter.text,
      tags: [{ name: LETTER_TAG, value: letter.id }],
      idempotencyKey: letter.idempotencyKey,
    }, options);
  } catch (error) {
    // Not an answer from Resend (e.g. the outbox's database was busy): try again, same key.
    const retryAt = new Date(Date.now() + backoff(letter.attempts));
    await release(letterId, userId, retryAt, error instanceof Error ? error.message : String(error));
    return { outcome: 'retry', retryAt };
  }

  if (result.ok) {
    pacer().observe(result.headers);
    const local = result.via === 'outbox';
    await db.transaction(async (tx) => {
      await tx
        .update(letters)
        .set({ resendId: result.id, sentAt: new Date(), deliveredLocally: local, lastError: null })
        .where(and(eq(letters.id, letterId), eq(letters.userId, userId)));
      await reportLetterStatus(tx, userId, letterId, local ? 'delivered' : 'sent');
      // Webhooks can beat this commit; what they said was kept, and applies now.
      await matchPendingEvents(userId, letterId, result.id, tx);
    });
    return { outcome: 'sent' };
  }

  pacer().observe(result.headers, result.outcome === 'rate_limited' ? result.retryAfterSeconds : undefined);
  switch (result.outcome) {
    case 'rate_limited': {
      const retryAt = new Date(Date.now() + (result.retryAfterSeconds ?? 1) * 1000);
      await release(letterId, userId, retryAt, `Resend asked to wait (${result.message})`);
      return { outcome: 'retry', retryAt };
    }
    case 'retry':
    case 'unknown': {
      const retryAt = new Date(Date.now() + backoff(letter.attempts));
      await release(letterId, userId, retryAt, result.message);
      return { outcome: 'retry', retryAt };
    }
    case 'conflict':
      // The stored body never changes, so this is a bug in Afterword: log it and let the person decide.
      console.error(`[letters] Resend refused letter ${letterId}: its idempotency key was used with another body.`);
      await decide(letterId, userId, 'Resend has another letter under this letter’s key. Check the letter before sending it again.');
      return { outcome: 'needs_decision' };
    case 'rejected':
      await db.transaction((tx) =>
        reportLetterStatus(tx, userId, letterId, 'failed', { lastError: `Resend refused it: ${result.message}` }),
      );
      return { outcome: 'failed' };
  }
}

/** Letters that are due and not held by a sender: what a sweep hands to the queue. */
export async function dueLetterIds(limit = 100): Promise<string[]> {
  const rows = await db
    .select({ id: letters.id })
    .from(letters)
    .where(readyToSend())
    .orderBy(asc(letters.nextAttemptAt))
    .limit(limit);
  return rows.map((r) => r.id);
}
