import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db';
import { letters, type LetterStatus } from '@/db/schema';
import { deliverLetter } from './deliver';
import { pacer } from './pacer';
import { queueLetters, type LetterRequest, type QueueResult } from './queue';
import { wakeSender } from './worker';

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
