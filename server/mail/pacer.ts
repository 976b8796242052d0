import 'server-only';
import { changeSendPacing, clearSendPacing, nextSendSlotIn, takeSendSlot } from '@/db/queries/send-pacing';
import { env } from '@/env';
import { BULK_LOOKAHEAD_MS, pacingChange } from '@/lib/mail/pacing';

/**
 * Resend's rate limit is per account, shared by every process that sends:
 * the pace is kept in Postgres (`send_pacing`, one row for the account), not
 * in memory, so two web processes and a worker together stay under it, and a
 * 429 any of them hears slows them all. See lib/mail/pacing.ts for the
 * spacing, and for why mail nobody waits for never books ahead.
 *
 * The local outbox has no limit: in that mode nothing waits.
 */
const ACCOUNT_PACE = 'resend';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const limited = () => env().mailMode === 'resend';

export const pacer = {
  /**
   * For a click waiting on its answer: takes the next free slot and says how
   * long to wait for it, in milliseconds; null instead of a slot further
   * off than `maxWaitMs` (which then stays free for another sender).
   */
  async reserve(maxWaitMs: number): Promise<number | null> {
    if (!limited()) return 0;
    return (await takeSendSlot(ACCOUNT_PACE, maxWaitMs))?.waitMs ?? null;
  },

  /**
   * For mail nobody waits for (a letter from the queue, a digest): a slot
   * only when it is at most BULK_LOOKAHEAD_MS off, else a sleep until it
   * is and another try, so any number of such senders in any process leave
   * the slots beyond free for a person waiting.
   */
  async wait(): Promise<void> {
    if (!limited()) return;
    for (;;) {
      const slot = await takeSendSlot(ACCOUNT_PACE, BULK_LOOKAHEAD_MS);
      if (slot) return void (await sleep(slot.waitMs));
      await sleep(Math.max(10, (await nextSendSlotIn(ACCOUNT_PACE)) - BULK_LOOKAHEAD_MS));
    }
  },

  /**
   * For mail a person waits for on the page (a sign-in link): books the next
   * slot, ahead of any letter, and waits for it. A slot more than
   * `maxWaitMs` off (a long 429 heard) is not taken: the mail goes at once
   * and waits out a 429 of its own.
   */
  async waitForPersonSlot(maxWaitMs: number): Promise<void> {
    if (!limited()) return;
    const slot = await takeSendSlot(ACCOUNT_PACE, maxWaitMs);
    if (slot && slot.waitMs > 0) await sleep(slot.waitMs);
  },

  /** Learns from one response's headers, and a 429's wait, for every process. */
  async observe(headers: Record<string, string>, retryAfterSeconds?: number): Promise<void> {
    await changeSendPacing(pacingChange(headers, retryAfterSeconds));
  },
};

/** Tests start each case with a pace that has heard nothing yet. */
export async function resetPacer(): Promise<void> {
  await clearSendPacing();
}
