import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { refreshLastLetters } from '@/db/queries/last-letter';
import { letterRecipients, letters } from '@/db/schema';
import type { LetterStatus } from '@/lib/letters/status';
import { pacer } from '../mail/pacer';
import { wakeSender } from '../queue/worker';
import { deliverLetter } from './deliver-letter';
import { type LetterRequest, queueLetters, type QueueResult } from './queue-letters';

/** Longer than this, and a click would feel stuck: the queue sends it instead. */
const INLINE_WAIT_LIMIT_MS = 1500;
/** A click waits this long for Resend; after that the letter is retried, same key, by the queue. */
const INLINE_TIMEOUT_MS = 8000;

export type SentLetter = { id: string; to: string; status: LetterStatus; deliveredLocally: boolean; lastError: string | null };
export type SendResult =
  | { ok: true; letters: SentLetter[]; alreadySent: boolean }
  | Extract<QueueResult, { ok: false }>;

/**
 * One click: write the letters (queue.ts), then hand them to Resend at once
 * when the rate limit allows, so the person sees "sent" or why not in the
 * same response. Anything not sent now (Resend busy, rate limit, outage)
 * stays queued and the worker sends it; the claim in deliverLetter makes
 * sure only one of them ever does.
 */
export async function sendLetters(userId: string, request: LetterRequest): Promise<SendResult> {
  const queued = await queueLetters(userId, request);
  if (!queued.ok) return queued;
  const ids = queued.letters.map((l) => l.id);

  if (!queued.alreadySent) {
    const left: string[] = [];
    for (const id of ids) {
      const wait = pacer().reserve();
      if (wait > INLINE_WAIT_LIMIT_MS) {
        left.push(id);
        continue;
      }
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const result = await deliverLetter(id, { timeoutMs: INLINE_TIMEOUT_MS });
      if (result.outcome === 'retry' || result.outcome === 'not_due') left.push(id);
    }
    if (left.length > 0) await wakeSender(left);
  }

  const rows = await db
    .select({ id: letters.id, status: letters.status, deliveredLocally: letters.deliveredLocally, lastError: letters.lastError })
    .from(letters)
    .where(and(eq(letters.userId, userId), inArray(letters.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    ok: true,
    alreadySent: queued.alreadySent,
    letters: queued.letters.map((l) => ({ ...l, ...byId.get(l.id)! })),
  };
}

/**
 * The person's decision on a letter that could not be sent within 23 hours
 * (`needs_decision`). Sending again takes a new idempotency key, because
 * Resend may have forgotten the old one; that is why it is theirs to choose.
 * Discarding marks it failed, so it can be written afresh later.
 */
export async function decideLetter(userId: string, letterId: string, choice: 'send_again' | 'discard'): Promise<boolean> {
  const decided = await db.transaction(async (tx) => {
    const [letter] = await tx
      .update(letters)
      .set(
        choice === 'send_again'
          ? {
              status: 'queued',
              idempotencyKey: `afterword-letter-${letterId}-${Date.now()}`,
              createdAt: new Date(),
              statusChangedAt: new Date(),
              attempts: 0,
              nextAttemptAt: new Date(),
              claimedUntil: null,
              lastError: null,
            }
          : { status: 'failed', statusChangedAt: new Date(), lastError: 'Discarded by you after it could not be sent in time.' },
      )
      .where(and(eq(letters.userId, userId), eq(letters.id, letterId), eq(letters.status, 'needs_decision')))
      .returning({ id: letters.id });
    if (!letter) return false;
    if (choice === 'discard') {
      await tx
        .update(letterRecipients)
        .set({ dedupeKey: null })
        .where(and(eq(letterRecipients.userId, userId), eq(letterRecipients.letterId, letterId)));
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
