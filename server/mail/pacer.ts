import 'server-only';
import { changeSendPacing, clearSendPacing, takeSendSlot } from '@/db/queries/send-pacing';
import { pacingChange } from '@/lib/mail/pacing';

/**
 * Resend's rate limit is per account, shared by every process that sends:
 * the pace is kept in Postgres (`send_pacing`), not in memory, so two web
 * processes and a worker together stay under it, and a 429 any of them
 * hears slows them all. See lib/mail/pacing.ts for the spacing itself.
 */
const PERSON_WAITING_PACE = 'resend-person-waiting';

export const pacer = {
  /**
   * Takes the next free slot and says how long to wait for it, in
   * milliseconds; with `maxWaitMs`, null instead of a slot further off
   * (which then stays free for another sender).
   */
  async reserve(maxWaitMs?: number): Promise<number | null> {
    return (await takeSendSlot('resend', maxWaitMs))?.waitMs ?? null;
  },

  /** Takes a slot and waits for it. */
  async wait(): Promise<void> {
    const ms = (await this.reserve()) ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  },

  /**
   * Mail a person waits for on the page (a sign-in link) goes in the share
   * letters leave free, one request a second, spaced on a row of its own so
   * two such mails never land in one second beside a letter. A slot more than
   * `maxWaitMs` off is not taken: the mail goes at once and waits out a 429.
   */
  async waitForPersonSlot(maxWaitMs: number): Promise<void> {
    const ms = (await takeSendSlot(PERSON_WAITING_PACE, maxWaitMs))?.waitMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
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
