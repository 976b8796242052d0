/**
 * How long to wait before reading a received email again after Resend's
 * receiving API failed (404 while it settles, 5xx, no answer): from half a
 * minute up to a day, about two days in all, then it is given up, its row and
 * error kept. Webhooks are retried by Resend for about a day; this outlasts it.
 */
const WAITS_SECONDS = [30, 60, 120, 300, 600, 1800, 3600, 7200, 21_600, 43_200, 86_400];

/** Attempts in all, the first included. */
export const READ_ATTEMPTS = WAITS_SECONDS.length + 1;

/** The wait after failed attempt number `attempt` (1 is the first). */
export function readRetrySeconds(attempt: number): number {
  return WAITS_SECONDS[Math.min(Math.max(attempt, 1), WAITS_SECONDS.length) - 1];
}
