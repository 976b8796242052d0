/**
 * Resend keeps an idempotency key for 24 hours. After 23, a retry could send
 * a second copy, so the letter waits for the person to decide instead.
 */
export const GIVE_UP_AFTER_MS = 23 * 60 * 60 * 1000;
/**
 * A sender holds a letter this long, and renews the hold every
 * CLAIM_RENEW_MS while it waits for Resend: a live sender never loses its
 * letter, and a dead one's runs out within seconds. With the sweep every
 * SWEEP_EVERY_MS, another process sends it within half a minute.
 */
export const CLAIM_MS = 20_000;
export const CLAIM_RENEW_MS = 5_000;
export const SWEEP_EVERY_MS = 10_000;
const FIRST_BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 15 * 60 * 1000;

/** How long to wait before the next attempt: doubling from 10 s up to 15 min, give or take a fifth so retries spread out. */
export function backoff(attempts: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * A 429 that does not say how long to wait is waited out this long at least,
 * so a limit that says nothing is not asked again every second.
 */
export const RATE_LIMIT_WAIT_SECONDS = 10;
