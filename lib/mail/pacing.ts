/**
 * How far apart sends go, from what Resend says. Resend's limit is per
 * account (2–5 requests a second), shared by every letter, digest and
 * sign-in mail of every process, so they all take their slots on one pace
 * (server/mail/pacer.ts). A person waiting on the page (a sign-in link) is
 * served first: mail nobody waits for never takes a slot more than
 * BULK_LOOKAHEAD_MS ahead, so the next slot after that is always theirs to take.
 */

/** Resend's default, until a response says otherwise. */
const DEFAULT_LIMIT_PER_SECOND = 2;

/**
 * Slots a little wider than the limit allows: a request that leaves a few
 * milliseconds later than its slot, after one that left on time, must not
 * bring three into one second. 8% costs 8% of the pace and absorbs 80 ms of
 * that lateness at 2 a second (the scale-out bench's 429s came from it).
 */
const HEADROOM = 1.08;

/** The slot spacing for a limit of `perSecond` requests a second. */
export function spacingFor(perSecond: number): number {
  return Math.ceil((1000 / perSecond) * HEADROOM);
}

export const DEFAULT_SPACING_MS = spacingFor(DEFAULT_LIMIT_PER_SECOND);

/**
 * Bulk mail (letters from the queue, digests) takes a slot only this close
 * to its time, so it never books the pace ahead; a sign-in link asked for
 * meanwhile books the next one and waits at most a spacing and this.
 */
export const BULK_LOOKAHEAD_MS = 100;

/** What one response changes: the spacing, and a moment nothing may be sent before (ms from now). */
export type PacingChange = { spacingMs?: number; holdMs?: number };

/**
 * Reads one response's headers (lower-cased names, as the SDK gives them),
 * and a 429's wait. `ratelimit-remaining` is not read: it counts this
 * account's own recent sends, which the slots already space, so holding on
 * it would halve the pace; anyone else on the same key shows up as a 429,
 * whose wait holds every process.
 */
export function pacingChange(headers: Record<string, string>, retryAfterSeconds?: number): PacingChange {
  if (retryAfterSeconds !== undefined) return { holdMs: Math.max(0, retryAfterSeconds * 1000) };
  const limit = Number(headers['ratelimit-limit']);
  if (!Number.isFinite(limit) || limit <= 0) return {};
  return { spacingMs: spacingFor(limit) };
}
