import 'server-only';
import { changeSendPacing, clearSendPacing, takeSendSlot, takeSendSlotWithin } from '@/db/queries/send-pacing';
import { pacingChange } from '@/lib/mail/pacing';

/**
 * Resend's rate limit is per account, shared by every process that sends:
 * the pace is kept in Postgres (`send_pacing`), not in memory, so two web
 * processes and a worker together stay under it, and a 429 any of them
 * hears slows them all. See lib/mail/pacing.ts for the spacing itself.
 */
export const pacer = {
  /** Takes the next free slot and says how long to wait for it, in milliseconds. */
  async reserve(): Promise<number> {
    return (await takeSendSlot()).waitMs;
  },

  /**
   * Takes the next free slot only when it comes within `limitMs`, and says
   * how long to wait for it; null, taking nothing, when it is further off
   * (a click that leaves its letter to the queue must not spend a slot).
   */
  async reserveWithin(limitMs: number): Promise<number | null> {
    return (await takeSendSlotWithin(limitMs))?.waitMs ?? null;
  },

  /** Takes a slot and waits for it. */
  async wait(): Promise<void> {
    const ms = await this.reserve();
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
