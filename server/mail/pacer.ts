/**
 * Resend's rate limit is per account (2–5 requests a second), shared by every
 * person's letters and by sign-in mail. Letters go one at a time per process,
 * spaced to the limit the last response reported, leaving one request a
 * second free so a sign-in link never waits behind a queue of letters
 * (sign-in mail is sent directly, not queued). After a 429, or when the
 * window is spent, nothing is sent until Resend says it may be.
 */
export class Pacer {
  private nextAt = 0;
  /** Until a response says otherwise, assume Resend's default of 2 a second, less one for sign-in. */
  private spacing = 1000;

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Takes the next free slot and says how long to wait for it, in
   * milliseconds. Slots are handed out in order, so callers in the same
   * process never send at the same moment.
   */
  reserve(): number {
    const now = this.now();
    const slot = Math.max(now, this.nextAt);
    this.nextAt = slot + this.spacing;
    return slot - now;
  }

  /** Waits for a slot. */
  async wait(): Promise<void> {
    const ms = this.reserve();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Learns from one response's headers (lower-cased names, as the SDK gives them). */
  observe(headers: Record<string, string>, retryAfterSeconds?: number): void {
    const now = this.now();
    if (retryAfterSeconds !== undefined) {
      this.nextAt = Math.max(this.nextAt, now + retryAfterSeconds * 1000);
      return;
    }
    const limit = Number(headers['ratelimit-limit']);
    const remaining = Number(headers['ratelimit-remaining']);
    const reset = Number(headers['ratelimit-reset']);
    if (!Number.isFinite(limit) || limit <= 0) return;
    this.spacing = Math.ceil(1000 / Math.max(1, limit - 1));
    if (Number.isFinite(remaining) && remaining <= 1) {
      this.nextAt = Math.max(this.nextAt, now + (Number.isFinite(reset) ? reset : 1) * 1000);
    }
  }
}

const holder = globalThis as unknown as { __afterwordPacer?: Pacer };

/** The process's one pacer. */
export function pacer(): Pacer {
  holder.__afterwordPacer ??= new Pacer();
  return holder.__afterwordPacer;
}

/** Tests start each case with a pacer that has heard nothing yet. */
export function resetPacer() {
  holder.__afterwordPacer = undefined;
}
