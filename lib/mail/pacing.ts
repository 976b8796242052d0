/**
 * How far apart sends go, from what Resend says. Resend's limit is per
 * account (2–5 requests a second), shared by every letter and by sign-in
 * mail; letters leave one request a second free, so a sign-in link never
 * waits behind a queue of letters (sign-in mail takes that share on a pace
 * row of its own: server/mail/send-mail.ts, sendMailWhileWaiting).
 */

/** Until a response says otherwise, Resend's default of 2 a second, less one for sign-in. */
export const DEFAULT_SPACING_MS = 1000;

/** What one response changes: the spacing, and a moment nothing may be sent before (ms from now). */
export type PacingChange = { spacingMs?: number; holdMs?: number };

/** Reads one response's headers (lower-cased names, as the SDK gives them), and a 429's wait. */
export function pacingChange(headers: Record<string, string>, retryAfterSeconds?: number): PacingChange {
  if (retryAfterSeconds !== undefined) return { holdMs: Math.max(0, retryAfterSeconds * 1000) };
  const limit = Number(headers['ratelimit-limit']);
  const remaining = Number(headers['ratelimit-remaining']);
  const reset = Number(headers['ratelimit-reset']);
  if (!Number.isFinite(limit) || limit <= 0) return {};
  const spacingMs = Math.ceil(1000 / Math.max(1, limit - 1));
  // The window is spent: nothing more until it resets.
  if (Number.isFinite(remaining) && remaining <= 1) return { spacingMs, holdMs: (Number.isFinite(reset) ? reset : 1) * 1000 };
  return { spacingMs };
}
