import 'server-only';
import { pruneDashboardChanges } from '@/db/queries/dashboard-snapshot';
import { deleteDigestLinksExpiredBefore } from '@/db/queries/digest';
import { deleteUnmatchedEventsBefore } from '@/db/queries/letter-events';
import { deleteExpiredVerificationTokens } from '@/db/queries/verification-tokens';
import { forgetSilentWorkers } from '@/db/queries/deployment';
import { errorReason } from '@/lib/error-reason';
import { daysBefore } from '@/lib/time/days';
import { pruneRateLimitWindows } from '@/server/limits/rate-limit';

/** The queue of the housekeeping job, apart from sending so a slow prune never holds a letter back. */
export const HOUSEKEEPING_QUEUE = 'housekeeping';
/** Every ten minutes: often enough that nothing piles up, rarely enough to cost nothing. */
export const HOUSEKEEPING_CRON = '*/10 * * * *';

/**
 * How long an event waits for its letter. Resend retries a webhook for about
 * a day, and a letter records its Resend id within seconds of being sent, or
 * hours later when sending is retried (never past 23 hours). An event still
 * unmatched after a week never will be: it is about mail that is no letter
 * (a sign-in link) or a letter that is gone.
 */
export const UNMATCHED_EVENT_DAYS = 7;

/** At most this many are deleted per run, so a backlog drains in short statements instead of one long delete. */
export const PRUNE_BATCH_SIZE = 1000;

/** Deletes one batch of events that waited longer than `UNMATCHED_EVENT_DAYS`; returns how many. */
export async function pruneUnmatchedEvents(now: Date = new Date()): Promise<number> {
  return deleteUnmatchedEventsBefore(daysBefore(now, UNMATCHED_EVENT_DAYS), PRUNE_BATCH_SIZE);
}

/**
 * The housekeeping job: webhook events that never found their letter, the
 * dashboard's change log, sign-in links that expired unused, the
 * counts of rate-limit windows long over, the digest's expired Send links, and workers long gone. Each prune is tried on its own
 * and a failure is only logged: the next run tries again, and nothing
 * waits on it.
 */
export async function runHousekeeping(now: Date = new Date()): Promise<void> {
  const chores: [string, () => Promise<unknown>][] = [
    ['unmatched webhook events', () => pruneUnmatchedEvents(now)],
    ['the dashboard change log', () => pruneDashboardChanges(now)],
    ['expired sign-in tokens', () => deleteExpiredVerificationTokens(now)],
    ['old rate-limit windows', () => pruneRateLimitWindows(now)],
    ['expired digest links', () => deleteDigestLinksExpiredBefore(now, PRUNE_BATCH_SIZE)],
    ['workers not heard from for a day', () => forgetSilentWorkers()],
  ];
  for (const [what, chore] of chores) {
    try {
      await chore();
    } catch (error) {
      console.error(`[housekeeping] could not prune ${what}; the next run tries again: ${errorReason(error)}`);
    }
  }
}
