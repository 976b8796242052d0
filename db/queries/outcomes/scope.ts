import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { type Period, periodStart } from '@/lib/dashboard/period';
import type { LetterStatus } from '@/lib/letters/status';

/**
 * What every outcome query is asked: whose figures, from when, and as of
 * when. `now` is passed in, never read from the database clock, so a page's
 * queries agree with each other and tests can pin the date.
 */
export type OutcomeScope = { userId: string; since: Date | null; now: Date };

export function outcomeScope(userId: string, period: Period, now = new Date()): OutcomeScope {
  return { userId, since: periodStart(period, now), now };
}

/** A timestamp parameter, sent as text: the two drivers agree on strings, not on Date objects. */
export const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** `column >= since`, or nothing for all time. */
export const fromStart = (column: SQL, since: Date | null) => (since ? sql`and ${column} >= ${at(since)}` : sql``);

/** `column in ('a', 'b')` from a fixed list of statuses (constants, never input). */
export const statusIn = (column: SQL, statuses: readonly LetterStatus[]) =>
  sql`${column} in (${sql.raw(statuses.map((s) => `'${s}'`).join(', '))})`;
